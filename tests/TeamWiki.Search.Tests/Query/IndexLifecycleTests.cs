using TeamWiki.Search.Analysis;

namespace TeamWiki.Search.Tests.Query;

public class IndexLifecycleTests
{
    private static readonly WikiAnalyzers Analyzers = new();

    [Fact]
    public void TheIndexRemembersTheLastCommitItIndexed()
    {
        var dir = Temp();
        using (var index = new WikiSearchIndex(dir, Analyzers))
        {
            Assert.True(index.NeedsRebuild);
            index.Apply([SearchIndexFixture.Doc("a/b", "Titel", "tekst", [], "a", "x", DateTimeOffset.UtcNow)], [], "abc123");
            Assert.False(index.NeedsRebuild);
        }

        using var reopened = new WikiSearchIndex(dir, Analyzers);
        Assert.Equal("abc123", reopened.IndexedCommit);
        Assert.False(reopened.NeedsRebuild);
        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public void ACorruptIndexIsRecreatedEmpty()
    {
        var dir = Temp();
        using (var index = new WikiSearchIndex(dir, Analyzers))
        {
            index.Apply([SearchIndexFixture.Doc("a/b", "Titel", "tekst", [], "a", "x", DateTimeOffset.UtcNow)], [], "abc123");
        }

        foreach (var file in Directory.GetFiles(dir, "segments*"))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4, 5]);
        }

        using var recreated = new WikiSearchIndex(dir, Analyzers);
        Assert.True(recreated.WasRecreated);
        Assert.True(recreated.NeedsRebuild);
        Assert.Null(recreated.IndexedCommit);
        Assert.True(recreated.IsHealthy());
    }

    [Fact]
    public void DeletesAndReplacementsAreVisibleAtOnce()
    {
        using var index = new WikiSearchIndex(Temp(), Analyzers);
        index.Apply([SearchIndexFixture.Doc("a/b", "Eerste", "appeltaart", [], "a", "x", DateTimeOffset.UtcNow)], [], "1");
        Assert.Equal(1, index.Search(new SearchRequest("appeltaart")).Total);
        index.Apply([SearchIndexFixture.Doc("a/b", "Eerste", "stroopwafel", [], "a", "x", DateTimeOffset.UtcNow)], [], "2");
        Assert.Equal(0, index.Search(new SearchRequest("appeltaart")).Total);
        index.Apply([], [SearchDocument.Key("page", "a/b")], "3");
        Assert.Equal(0, index.Search(new SearchRequest("stroopwafel")).Total);
    }

    private static string Temp() => Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
}
