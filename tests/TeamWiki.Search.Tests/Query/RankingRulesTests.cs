using TeamWiki.Search.Query;

namespace TeamWiki.Search.Tests.Query;

public sealed class RankingRulesFixture : IDisposable
{
    public RankingRulesFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
        Index = new WikiSearchIndex(Directory, SearchIndexFixture.Analyzers);
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        Index.Apply(
        [
            // "korf" only inside a compound here, whole in "imkerij/mand", and "kort" (one edit away) many times.
            Doc("natuur/bijen", "Bijen", "De stuifmeelkorf aan de achterpoot van een werkbij vult zich met stuifmeel.", now),
            Doc("imkerij/mand", "Mand", "Een korf is een mand voor een bijenvolk.", now),
            Doc("team/overleg", "Kort overleg", "Kort overleg, kort en krachtig. Kort gezegd: kort houden, kort.", now),
            // Three words: one page has all of them once, one has two of them often, one has a single one.
            Doc("fruit/drie", "Fruitschaal", "Op tafel ligt een appel naast een peer en een banaan, en verder veel andere dingen die er niet toe doen.", now),
            Doc("fruit/twee", "Appel en peer", "Appel en peer. Een appel, een peer. Appel, peer, appel, peer.", now),
            Doc("fruit/een", "Banaan", "Een banaan.", now),
            // A phrase once in a longer text against both words often but apart.
            Doc("overleg/vrijdag", "Vrijdag", "Op vrijdag houden we de wekelijkse sessie met het hele team, daarna is er tijd voor vragen en koffie.", now),
            Doc("overleg/los", "Sessie", "Sessie na sessie. Wekelijkse mails gaan rond; de sessie is lang. Ook wekelijkse cijfers.", now),
            // Two words written together as one compound, against both words apart.
            Doc("kantoor/keuken", "Keuken", "In de keuken staat de koffieautomaat.", now),
            Doc("kantoor/inkoop", "Inkoop", "Koffie bestellen we apart. De automaat in de hal is stuk, dus koffie halen we bij de automaat beneden.", now),
        ], [], "commit-1");
    }

    public string Directory { get; }

    public WikiSearchIndex Index { get; }

    private static SearchDocument Doc(string path, string title, string body, DateTimeOffset updated) =>
        new("page", path, title, [], body, [], path.Split('/')[0], "Sanne de Vries", updated, "nl");

    public void Dispose()
    {
        Index.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public class RankingRulesTests(RankingRulesFixture fixture) : IClassFixture<RankingRulesFixture>
{
    private SearchResults Search(string q) => fixture.Index.Search(new SearchRequest(q, 10));

    private static string[] Paths(SearchResults r) => r.Items.Select(i => i.Path).ToArray();

    [Fact]
    public void AWordKnownOnlyAsACompoundPartIsNotCorrectedToANearWord()
    {
        var results = Search("korf");

        Assert.Null(results.Suggestion);
        Assert.DoesNotContain(QueryNotice.Fuzzy, results.Notices);
        Assert.DoesNotContain("team/overleg", Paths(results));
    }

    [Fact]
    public void TheWholeWordRanksAboveTheWordInsideACompoundWhichStillAnswers()
    {
        Assert.Equal(["imkerij/mand", "natuur/bijen"], Paths(Search("korf")));
    }

    [Fact]
    public void AnUnknownWordIsExpandedFuzzilyAndItsHitsRankBelowExactOnes()
    {
        // "kortt" is unknown: it matches "kort" within one edit, below both pages that say "korf" itself,
        // although "team/overleg" says "kort" six times.
        var results = Search("korf OR kortt");

        Assert.Contains(QueryNotice.Fuzzy, results.Notices);
        Assert.Equal(["imkerij/mand", "natuur/bijen", "team/overleg"], Paths(results));
    }

    [Fact]
    public void PagesWithAllWordsRankAboveThoseWithMostAndOneWordOfThreeIsNotEnough()
    {
        Assert.Equal(["fruit/drie", "fruit/twee"], Paths(Search("appel peer banaan")));
    }

    [Fact]
    public void ThePhraseRanksAboveTheSameWordsApart()
    {
        Assert.Equal(["overleg/vrijdag", "overleg/los"], Paths(Search("wekelijkse sessie")));
    }

    [Fact]
    public void WordsWrittenTogetherAsOneCompoundRankLikeAPhrase()
    {
        Assert.Equal(["kantoor/keuken", "kantoor/inkoop"], Paths(Search("koffie automaat")));
    }
}
