using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;

namespace TeamWiki.Web.Tests.Api;

/// <summary>One exception base, one table from its kind to a status: nothing the wiki refuses escapes it.</summary>
public class ProblemTableTests
{
    [Fact]
    public void EveryKindOfRefusalHasAStatus()
    {
        foreach (var kind in Enum.GetValues<ProblemKind>())
        {
            Assert.True(ApiExceptionFilter.Statuses.TryGetValue(kind, out var status), $"{kind} has no status");
            Assert.InRange(status, 400, 599);
        }
    }

    [Fact]
    public void EveryExceptionTheWikiDefinesIsARefusalWithAKind()
    {
        var assemblies = new[] { typeof(WikiException).Assembly, typeof(ApiExceptionFilter).Assembly };
        var exceptions = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        Assert.NotEmpty(exceptions);
        var outside = exceptions.Where(t => !typeof(WikiException).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.True(outside.Count == 0, "Exceptions outside WikiException: " + string.Join(", ", outside));
    }

    [Fact]
    public void RefusalsThatMustNotEchoTheirInputSayTheSameWhateverWasAsked()
    {
        Assert.Equal(new Storage.Git.RevisionNotFoundException("abc").Detail, new Storage.Git.RevisionNotFoundException("0123456789").Detail);
        Assert.Equal(new Storage.Spaces.SpaceNotFoundException("geheim").Detail, new Storage.Spaces.SpaceNotFoundException("nergens").Detail);
        Assert.DoesNotContain("geheim/plan", new Storage.Git.MergeConflictException("0000000", "1111111", [new("geheim/plan.md", null, null, null)]).Detail);
    }
}
