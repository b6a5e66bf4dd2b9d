namespace TeamWiki.Search.Tests.Query;

public sealed class MorphologyTiersFixture : IDisposable
{
    public MorphologyTiersFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
        Index = new WikiSearchIndex(Directory, SearchIndexFixture.Analyzers);
        var now = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        Index.Apply(
        [
            // "buit": the word, the word inside a compound, and "buiten" (another word at the same stem) many times.
            Doc("buit/piraten", "Piraten", "De piraten verdeelden de buit op het strand.", now),
            Doc("buit/museum", "Museum", "In het museum ligt oorlogsbuit uit de zeventiende eeuw.", now),
            Doc("buit/lunch", "Lunch", "Buiten lunchen, buiten werken, buiten vergaderen: buiten is het beter.", now),
            // "instelling" (an institution) against "instellen" (to set up), the stemmer joins them.
            Doc("zorg/instelling", "Zorg", "Een instelling voor jeugdzorg in de regio.", now),
            Doc("it/printer", "Printer", "De printer instellen: instellen via het menu, daarna opnieuw instellen.", now),
            // "gemeld" as written against another form of "melden".
            Doc("hr/ziek", "Ziek", "Meld je ziek bij je leidinggevende; meld het ook in het rooster.", now),
            Doc("it/incident", "Incident", "Het incident is gemeld bij de servicedesk.", now),
            // "back-up" against "back" and "up" apart, each of them a whole word there.
            Doc("team/ritme", "Stand-up back-end", "Stand-up van het back-end team: back-end stand-up, elke dag een stand-up.", now),
            Doc("it/database", "Database", "Elke nacht maken we een back-up van de database, zodat we bij een storing, een fout of een verloren bestand altijd iets hebben om op terug te vallen, ook in het weekend.", now),
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

public class MorphologyTiersTests(MorphologyTiersFixture fixture) : IClassFixture<MorphologyTiersFixture>
{
    private string[] Paths(string q) => fixture.Index.Search(new SearchRequest(q, 10)).Items.Select(i => i.Path).ToArray();

    [Fact]
    public void AWordThatOnlySharesTheStemRanksBelowTheWordAndBelowTheWordInsideACompoundButIsStillFound() =>
        Assert.Equal(["buit/piraten", "buit/museum", "buit/lunch"], Paths("buit"));

    [Fact]
    public void ANounRanksAboveTheVerbTheStemmerJoinsItWith()
    {
        Assert.Equal(["zorg/instelling", "it/printer"], Paths("instelling"));
        Assert.Equal(["it/printer", "zorg/instelling"], Paths("instellen"));
    }

    [Fact]
    public void AnInflectedFormAsWrittenRanksAboveOtherFormsOfItsDictionaryForm() =>
        Assert.Equal(["it/incident", "hr/ziek"], Paths("gemeld"));

    [Fact]
    public void ADictionaryFormFindsAllItsFormsAlike()
    {
        // "melden" is written nowhere; both pages have a form of it and both are found.
        Assert.Equal(["hr/ziek", "it/incident"], Paths("melden").Order().ToArray());
    }

    [Fact]
    public void AHyphenatedWordRanksAboveItsPiecesApart() =>
        Assert.Equal(["it/database", "team/ritme"], Paths("back-up"));
}
