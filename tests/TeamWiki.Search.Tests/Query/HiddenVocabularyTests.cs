using TeamWiki.Search.Analysis;

namespace TeamWiki.Search.Tests.Query;

/// <summary>
/// "Did you mean", the fuzzy notice and title suggestions come only from spaces the reader may see: for
/// an outsider, an index with a hidden space answers exactly like one without it.
/// </summary>
public sealed class HiddenVocabularyTests : IDisposable
{
    private static readonly WikiAnalyzers Analyzers = new();
    private static readonly string[] Outsider = ["handboek"];
    private static readonly string[] Member = ["handboek", "geheim"];

    private readonly List<string> _folders = [];
    private readonly WikiSearchIndex _withHidden;
    private readonly WikiSearchIndex _withoutHidden;

    public HiddenVocabularyTests()
    {
        _withHidden = Open();
        _withoutHidden = Open();
        var visible = new[]
        {
            Doc("handboek/vogels", "Vogels tellen", "De stormvogel broedt op de kliffen.", "handboek"),
            Doc("handboek/fiets", "Fietsregeling", "De fietsvergoeding voor wie met de fiets komt.", "handboek"),
        };
        var hidden = new[]
        {
            Doc("geheim/plan", "Kwartelkoning", "Het kwartelkoningplan: de stormvogels vliegen uit.", "geheim"),
            Doc("geheim/plan-2", "Stormvogels", "Meer stormvogels.", "geheim"),
            Doc("geheim/plan-3", "Nog meer", "Stormvogels en kwartelkoning.", "geheim"),
        };
        // Two commits each: the reader then has several segments, as a real index does.
        _withHidden.Apply(visible, [], "c1");
        _withHidden.Apply(hidden, [], "c2");
        _withoutHidden.Apply(visible, [], "c1");
        _withoutHidden.Apply([], [], "c2");
    }

    [Theory]
    [InlineData("kwartelkoning")]
    [InlineData("kwartelkonink")]
    [InlineData("stormvogelz")]
    [InlineData("stormvogels fiets")]
    [InlineData("fietz kwartelkonin")]
    public void AnOutsiderGetsTheSameAnswerAsIfTheHiddenSpaceDidNotExist(string query)
    {
        var hidden = _withHidden.Search(new SearchRequest(query, VisibleSpaces: Outsider));
        var absent = _withoutHidden.Search(new SearchRequest(query, VisibleSpaces: Outsider));

        Assert.Equal(absent.Suggestion, hidden.Suggestion);
        Assert.Equal(absent.Notices, hidden.Notices);
        Assert.Equal(absent.Items.Select(i => i.Path), hidden.Items.Select(i => i.Path));
        Assert.DoesNotContain("kwartelkoning", hidden.Suggestion ?? "");
        Assert.DoesNotContain("stormvogels", hidden.Suggestion ?? "");
    }

    [Fact]
    public void AWordFoundOnlyInAHiddenSpaceIsUnknownToTheOutsiderAndKnownToTheMember()
    {
        var outsider = _withHidden.Search(new SearchRequest("kwartelkoning", VisibleSpaces: Outsider));
        var member = _withHidden.Search(new SearchRequest("kwartelkoning", VisibleSpaces: Member));

        Assert.Contains(Search.Query.QueryNotice.Fuzzy, outsider.Notices);
        Assert.Equal(0, outsider.Total);
        Assert.DoesNotContain(Search.Query.QueryNotice.Fuzzy, member.Notices);
        Assert.True(member.Total > 0);
    }

    [Fact]
    public void TheMemberIsOfferedTheHiddenWordAndTheOutsiderTheVisibleOne()
    {
        // "stormvogels" (hidden, three pages) and "stormvogel" (visible, one page) are both one edit away.
        Assert.Equal("stormvogels", _withHidden.Search(new SearchRequest("stormvogelz", VisibleSpaces: Member)).Suggestion);
        Assert.Equal("stormvogel", _withHidden.Search(new SearchRequest("stormvogelz", VisibleSpaces: Outsider)).Suggestion);
        Assert.Equal("kwartelkoning", _withHidden.Search(new SearchRequest("kwartelkonink", VisibleSpaces: Member)).Suggestion);
    }

    [Fact]
    public void TitleSuggestionsComeOnlyFromVisibleSpaces()
    {
        Assert.Empty(_withHidden.Suggest("kwartel", 10, Outsider));
        Assert.Equal(["geheim/plan"], _withHidden.Suggest("kwartel", 10, Member).Select(s => s.Path));
    }

    private WikiSearchIndex Open()
    {
        var folder = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
        _folders.Add(folder);
        return new WikiSearchIndex(folder, Analyzers);
    }

    private static SearchDocument Doc(string path, string title, string body, string space) =>
        new("page", path, title, [], body, [], space, "Alice", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _withHidden.Dispose();
        _withoutHidden.Dispose();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
