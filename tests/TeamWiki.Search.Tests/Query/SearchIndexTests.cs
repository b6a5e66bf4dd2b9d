using TeamWiki.Search.Analysis;
using TeamWiki.Search.Query;

namespace TeamWiki.Search.Tests.Query;

public sealed class SearchIndexFixture : IDisposable
{
    public SearchIndexFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
        Index = new WikiSearchIndex(Directory, Analyzers);
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        Index.Apply(
        [
            Doc("handboek/kennisdeling", "Kennisdelingssessies", "Elke vrijdag delen collega's wat ze geleerd hebben. De sessies liepen vorig jaar uit de hand.", ["kennisdeling", "cultuur"], "handboek", "Sanne de Vries", now.AddDays(-10)),
            Doc("handboek/fietsregeling", "Fietsregeling", "De fietsvergoeding geldt voor wie met de fiets naar kantoor komt. Een nieuwe fietsband wordt vergoed.", ["hr"], "handboek", "Joris Bakker", now.AddDays(-5)),
            Doc("kennisbank/vpn", "VPN instellen", "Zo stel je de VPN in op je laptop. Gebruik het wachtwoordbeleid van het team.", ["vpn", "beveiliging"], "kennisbank", "Fatima el Amrani", now.AddDays(-1)),
            Doc("kennisbank/coordinatie", "Coördinatie van ideeën", "De coördinatie van nieuwe ideeën gebeurt in het overleg. <script>alert(1)</script> staat hier als tekst.", ["overleg"], "kennisbank", "Sanne de Vries", now.AddDays(-3)),
            Doc("project-atlas/planning", "Projectplanning Atlas", "De projectplanning van Atlas: de gemeenteraad besloot de portal te bouwen. Wekelijkse sessie met de klant.", ["planning"], "project-atlas", "Pieter Jansen", now.AddDays(-2)),
            Doc("kennisbank/expenses", "Expense claims", "International colleagues submit expense claims through the portal every month.", ["hr"], "kennisbank", "Eva Smit", now.AddDays(-4), "en"),
        ], [], "commit-1");
    }

    public static WikiAnalyzers Analyzers { get; } = new();

    public string Directory { get; }

    public WikiSearchIndex Index { get; }

    public static SearchDocument Doc(string path, string title, string body, string[] tags, string space, string author, DateTimeOffset updated, string lang = "nl") =>
        new("page", path, title, [], body, tags, space, author, updated, lang);

    public void Dispose()
    {
        Index.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public class SearchIndexTests(SearchIndexFixture fixture) : IClassFixture<SearchIndexFixture>
{
    private SearchResults Search(string q, string? space = null, string? tag = null, string? sort = null, int limit = 10, int offset = 0, bool prefix = false, IReadOnlyCollection<string>? visible = null) =>
        fixture.Index.Search(new SearchRequest(q, limit, offset, space, tag, sort, prefix, visible));

    private static string[] Paths(SearchResults r) => r.Items.Select(i => i.Path).ToArray();

    [Fact]
    public void AllWordsMustMatch()
    {
        Assert.Equal(["kennisbank/vpn"], Paths(Search("vpn laptop")));
        Assert.Empty(Search("vpn fietsband").Items);
    }

    [Fact]
    public void InflectionsDictionaryFormsAndCompoundPartsFindThePage()
    {
        Assert.Contains("handboek/kennisdeling", Paths(Search("lopen")));
        Assert.Contains("project-atlas/planning", Paths(Search("besluiten gemeenteraad")));
        Assert.Contains("handboek/fietsregeling", Paths(Search("vergoeding fiets")));
        Assert.Contains("handboek/kennisdeling", Paths(Search("kennis")));
        Assert.Contains("kennisbank/coordinatie", Paths(Search("coordinatie ideeen")));
    }

    [Fact]
    public void AWordItselfRanksAboveACompoundThatContainsIt()
    {
        var results = Paths(Search("fiets"));
        Assert.Equal("handboek/fietsregeling", results[0]);
    }

    [Fact]
    public void PhrasesNeedTheWordsInOrder()
    {
        Assert.Equal(["project-atlas/planning"], Paths(Search("\"wekelijkse sessie\"")));
        Assert.Empty(Search("\"sessie wekelijkse\"").Items);
    }

    [Fact]
    public void ExcludedWordsRemovePages()
    {
        Assert.Contains("kennisbank/coordinatie", Paths(Search("overleg")));
        Assert.DoesNotContain("kennisbank/coordinatie", Paths(Search("overleg -ideeën")));
    }

    [Fact]
    public void FiltersInTheQueryAndAsParametersRestrict()
    {
        var hr = Search("de tag:hr", limit: 100);
        Assert.NotEmpty(hr.Items);
        Assert.True(hr.Total < Search("de").Total, "the tag filter removes pages without the tag");
        Assert.All(hr.Items, i => Assert.Contains("hr", i.Tags));
        Assert.Equal(["kennisbank/vpn"], Paths(Search("wachtwoordbeleid space:kennisbank")));
        Assert.Equal(["handboek/kennisdeling", "kennisbank/coordinatie"], Paths(Search("author:sanne", sort: "date")).Order().ToArray());
        Assert.Empty(Search("vpn", space: "handboek").Items);
        Assert.Equal(["handboek/fietsregeling"], Paths(Search("fiets", tag: "HR")));
    }

    [Fact]
    public void FacetsCountEveryHitBySpaceAndTag()
    {
        var results = Search("de");
        Assert.Equal(results.Total, results.Facets["space"].Values.Sum());
        var all = Search("tag:hr");
        Assert.Equal(2, all.Total);
        Assert.Equal(2, all.Facets["tag"]["hr"]);
        Assert.Equal(1, all.Facets["space"]["handboek"]);
    }

    [Fact]
    public void SortingByDateShowsTheNewestFirstAndPagingWalksOn()
    {
        var byDate = Search("space:kennisbank", sort: "date");
        Assert.Equal(["kennisbank/vpn", "kennisbank/coordinatie", "kennisbank/expenses"], Paths(byDate));
        var second = Search("space:kennisbank", sort: "date", limit: 1, offset: 1);
        Assert.Equal(3, second.Total);
        Assert.Equal(["kennisbank/coordinatie"], Paths(second));
    }

    [Fact]
    public void ATypoGetsASuggestionAndSimilarResults()
    {
        var results = Search("kennisdelingsesies");
        Assert.Contains("handboek/kennisdeling", Paths(results));
        Assert.Equal("kennisdelingssessies", results.Suggestion);
        Assert.Contains(QueryNotice.Fuzzy, results.Notices);
        Assert.Null(Search("kennisdeling").Suggestion);
    }

    [Fact]
    public void TheLastWordMatchesAsAPrefixWhileTyping()
    {
        Assert.Contains("project-atlas/planning", Paths(Search("projectplan", prefix: true)));
    }

    [Fact]
    public void SnippetsMarkStemsAndCompoundPartsAndEscapeHtml()
    {
        var lopen = Search("lopen").Items.Single(i => i.Path == "handboek/kennisdeling");
        Assert.Contains("<mark>liepen</mark>", lopen.Snippet);
        var vergoeding = Search("vergoeding").Items.Single(i => i.Path == "handboek/fietsregeling");
        Assert.Contains("<mark>fietsvergoeding</mark>", vergoeding.Snippet);
        var script = Search("overleg").Items.Single(i => i.Path == "kennisbank/coordinatie");
        Assert.DoesNotContain("<script>", script.Snippet);
        Assert.Contains("&lt;script&gt;", script.Snippet);
    }

    [Fact]
    public void EnglishPagesAreFoundWithEnglishWords()
    {
        Assert.Equal(["kennisbank/expenses"], Paths(Search("claiming expenses")));
    }

    [Fact]
    public void OnlyVisibleSpacesAreSearched()
    {
        Assert.Empty(Search("vpn", visible: ["handboek"]).Items);
        Assert.Empty(Search("vpn", visible: []).Items);
        Assert.Equal(["kennisbank/vpn"], Paths(Search("vpn", visible: ["kennisbank"])));
        Assert.Empty(fixture.Index.Suggest("vpn", 10, ["handboek"]));
    }

    [Fact]
    public void SuggestionsMatchTitlesWhileTyping()
    {
        var suggestions = fixture.Index.Suggest("kennisdel");
        Assert.Equal("handboek/kennisdeling", Assert.Single(suggestions).Path);
        Assert.Equal("Coördinatie van ideeën", Assert.Single(fixture.Index.Suggest("coord id")).Title);
    }

    [Theory]
    // Unbalanced quote: the phrase closes at the end, and no page has it.
    [InlineData("\"ongesloten vpn", "")]
    // Lone operators and an empty filter are ignored: nothing is left to search.
    [InlineData("-", "")]
    [InlineData("AND OR", "")]
    [InlineData("tag:", "")]
    // Brackets and operators around real words: the words are searched.
    [InlineData("(vpn AND [laptop]", "kennisbank/vpn")]
    // Only stop words: searched as written; no page has all three.
    [InlineData("de het een", "")]
    // Lucene syntax is no syntax here: "vpn^2" is a word no page has.
    [InlineData("vpn^2 ~laptop*", "")]
    public void MalformedQueriesGiveResultsOrNothingButNeverFail(string q, string expected)
    {
        var results = Search(q);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Paths(results));
        Assert.Equal(results.Items.Count, results.Total);
    }

    [Fact]
    public void AHugeQueryIsCutAndStillAnswers()
    {
        var results = Search(string.Concat(Enumerable.Repeat("vpn ", 2500)));
        Assert.Contains(QueryNotice.Truncated, results.Notices);
        Assert.Contains("kennisbank/vpn", Paths(results));
    }

    [Fact]
    public void OnlyStopWordsAreSearchedAsWritten()
    {
        var results = Search("de");
        Assert.Contains(QueryNotice.OnlyCommonWords, results.Notices);
        Assert.True(results.Total >= 4);
    }
}
