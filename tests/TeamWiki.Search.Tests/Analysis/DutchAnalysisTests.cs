using TeamWiki.Search.Analysis;
using static TeamWiki.Search.Tests.Analysis.AnalyzerAssert;

namespace TeamWiki.Search.Tests.Analysis;

/// <summary>The Dutch chain, tested like lucenenet's TestDutchStemmer: a table of real words, one line each.</summary>
public class DutchAnalysisTests
{
    private static readonly WikiAnalyzers Analyzers = new();

    [Theory]
    [InlineData("taak", "taken")]
    [InlineData("stad", "steden")]
    [InlineData("schip", "schepen")]
    [InlineData("kind", "kinderen")]
    [InlineData("ei", "eieren")]
    [InlineData("huis", "huizen")]
    [InlineData("brief", "brieven")]
    [InlineData("idee", "ideeën")]
    [InlineData("museum", "musea")]
    [InlineData("gebeurtenis", "gebeurtenissen")]
    [InlineData("auto", "auto's")]
    [InlineData("auto", "auto’s")]
    [InlineData("televisie", "televisies")]
    [InlineData("fiets", "fietsen")]
    public void NounsFindTheirPlurals(string singular, string plural) => Assert.True(Meet(Analyzers.Dutch, singular, plural), $"{singular} ~ {plural}");

    [Theory]
    [InlineData("kopje", "kopjes")]
    [InlineData("huisje", "huisjes")]
    [InlineData("boompje", "boompjes")]
    public void DiminutivesFindTheirPlurals(string word, string form) => Assert.True(Meet(Analyzers.Dutch, word, form));

    [Theory]
    [InlineData("mooi", "mooie")]
    [InlineData("groot", "grotere")]
    [InlineData("groot", "grootste")]
    [InlineData("dik", "dikke")]
    [InlineData("lief", "lieve")]
    public void AdjectivesFindTheirInflections(string word, string form) => Assert.True(Meet(Analyzers.Dutch, word, form));

    [Theory]
    [InlineData("werken", "werkte")]
    [InlineData("werken", "gewerkt")]
    [InlineData("maken", "maakte")]
    [InlineData("zetten", "gezet")]
    [InlineData("leven", "leefde")]
    [InlineData("reizen", "gereisd")]
    [InlineData("fietsen", "fietste")]
    [InlineData("oprichten", "opgericht")]
    [InlineData("aannemen", "aangenomen")]
    [InlineData("afwijzen", "afgewezen")]
    public void WeakAndSeparableVerbsFindTheirForms(string infinitive, string form) => Assert.True(Meet(Analyzers.Dutch, infinitive, form), $"{infinitive} ~ {form}");

    [Theory]
    [InlineData("lopen", "liep")]
    [InlineData("lopen", "gelopen")]
    [InlineData("gaan", "ging")]
    [InlineData("gaan", "gegaan")]
    [InlineData("besluiten", "besloot")]
    [InlineData("besluiten", "besloten")]
    [InlineData("vinden", "vond")]
    [InlineData("vinden", "gevonden")]
    [InlineData("schrijven", "schreef")]
    [InlineData("schrijven", "geschreven")]
    [InlineData("beginnen", "begon")]
    [InlineData("begrijpen", "begrepen")]
    [InlineData("blijven", "gebleven")]
    [InlineData("spreken", "gesproken")]
    [InlineData("nemen", "nam")]
    [InlineData("komen", "kwam")]
    [InlineData("zien", "zag")]
    [InlineData("drinken", "dronk")]
    [InlineData("verlopen", "verliep")]
    public void StrongVerbsFindTheirPastForms(string infinitive, string form) => Assert.True(Meet(Analyzers.Dutch, infinitive, form), $"{infinitive} ~ {form}");

    [Theory]
    [InlineData("week", "wijken")]
    [InlineData("kennis", "kennen")]
    [InlineData("fiets", "fiet")]
    [InlineData("kat", "katten")]
    public void WordsThatOnlyLookAlikeStayApart(string a, string b)
    {
        // "week" (noun) must not turn into "wijken", "kennis" not into "kennen"; "kat"/"katten" do meet,
        // which shows the table checks something.
        var meet = Meet(Analyzers.Dutch, a, b);
        Assert.Equal(a == "kat", meet);
    }

    [Theory]
    [InlineData("coordinatie", "coördinatie")]
    [InlineData("coördinatie", "coordinatie")]
    [InlineData("ideeen", "ideeën")]
    [InlineData("prive", "privé")]
    [InlineData("belgie", "België")]
    [InlineData("cafe", "café")]
    public void AccentsAreFoldedBothWays(string query, string text) => Assert.True(Meet(Analyzers.Dutch, query, text));

    [Theory]
    [InlineData("kennis", "kennisdeling")]
    [InlineData("fiets", "fietsband")]
    [InlineData("planning", "projectplanning")]
    [InlineData("wachtwoord", "wachtwoordbeleid")]
    [InlineData("beleid", "wachtwoordbeleid")]
    [InlineData("vergoeding", "thuiswerkvergoeding")]
    [InlineData("kennis", "kennisdelingssessies")]
    [InlineData("boek", "boekenkast")]
    [InlineData("pannenkoek", "pannenkoekenhuis")]
    [InlineData("korf", "stuifmeelkorf")]
    [InlineData("toestand", "gezondheidstoestand")]
    [InlineData("stoornis", "taalontwikkelingsstoornissen")]
    [InlineData("zaal", "zaalvoetbalcompetitie")]
    [InlineData("stand", "wapenstilstand")]
    [InlineData("regering", "gewestregering")]
    [InlineData("beheer", "milieubeheer")]
    [InlineData("straat", "deploymentstraat")]
    [InlineData("capaciteit", "legcapaciteit")]
    public void CompoundPartsAreFoundInThePartsField(string part, string compound)
    {
        // As in a search: the query word through the main chain, the page text through the parts chain.
        Assert.True(Terms(Analyzers.Dutch, part).Intersect(Terms(Analyzers.DutchParts, compound)).Any(), $"{part} in {compound}");
        Assert.False(Meet(Analyzers.Dutch, part, compound), "parts stay out of the main fields");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("het")]
    [InlineData("een")]
    [InlineData("van")]
    [InlineData("en")]
    public void StopWordsLeaveNoTerm(string word) => Assert.Empty(Terms(Analyzers.Dutch, word));

    [Theory]
    [InlineData("gering", "regering")]
    [InlineData("gering", "gewestregering")]
    [InlineData("gering", "regeringsdeelname")]
    [InlineData("koor", "lambermontakkoord")]
    [InlineData("heer", "milieubeheer")]
    [InlineData("buit", "buitenwereld")]
    [InlineData("stam", "testamenten")]
    [InlineData("wijn", "verdwijningen")]
    public void AWordThatOnlyHidesInsideAnotherIsNoPartOfIt(string word, string text)
    {
        // The dictionary holds "gering", and "regering" contains it; but the word does not split there
        // ("re" is no word), so a search for "gering" is not answered with every page about a government.
        var parts = Terms(Analyzers.DutchParts, text);
        Assert.DoesNotContain(word, parts);
        Assert.Empty(Terms(Analyzers.Dutch, word).Where(t => !t.StartsWith('~')).Intersect(parts));
    }

    [Fact]
    public void ARunOfLettersLongerThanAnyCompoundHasNoParts()
    {
        // 48 letters of real words: hardly a compound is that long, and splitting it would cost work for nothing.
        Assert.Empty(Terms(Analyzers.DutchParts, string.Concat(Enumerable.Repeat("kennisdeling", 4))));
        Assert.Contains("kennis", Terms(Analyzers.DutchParts, string.Concat(Enumerable.Repeat("kennisdeling", 3))));
    }

    [Fact]
    public void ThePartsFieldHoldsOnlyParts()
    {
        Assert.Empty(Terms(Analyzers.DutchParts, "kennis fiets"));
        Assert.Contains("kennis", Terms(Analyzers.DutchParts, "de kennisdeling"));
        Assert.DoesNotContain("kennisdeling", Terms(Analyzers.DutchParts, "de kennisdeling"));
    }

    [Fact]
    public void EachWordKeepsItsFormItsDictionaryFormAndTheirStemsMarkedApart()
    {
        // A stem is a term of its own ("~lop"), never the same term as a word ("fiets" the word, "~fiets" the stem).
        Assert.Equal(["liep", "~liep", "lopen", "~lop"], Terms(Analyzers.Dutch, "Liep"));
        Assert.Equal(["fietsen", "~fiets", "fiets"], Terms(Analyzers.Dutch, "fietsen"));
        Assert.Equal(["fiets", "~fiets"], Terms(Analyzers.Dutch, "fiets"));
    }

    [Theory]
    [InlineData("buit", "buiten")]
    [InlineData("instelling", "instellen")]
    [InlineData("brons", "bron")]
    [InlineData("regelt", "regels")]
    public void WordsTheStemmerJoinsShareOnlyAMarkedStem(string query, string text)
    {
        // Both words are in the word lists with different dictionary forms: they meet only at the stem, so a
        // search can rank such a page below one with the word itself (and still find it).
        var shared = Terms(Analyzers.Dutch, query).Intersect(Terms(Analyzers.Dutch, text)).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, t => Assert.StartsWith("~", t));
    }

    [Fact]
    public void AWordTheListsDoNotKnowKeepsItsStemUnmarkedAsItsDictionaryForm()
    {
        // "screeningen" is in no word list: its stem "screening" stands in for the dictionary form, so it meets
        // the word "screening" like any plural meets its singular, not only at the marked stem.
        Assert.Contains("screening", Terms(Analyzers.Dutch, "screeningen"));
        Assert.DoesNotContain("buit", Terms(Analyzers.Dutch, "buiten"));
    }

    [Fact]
    public void EnglishPagesGetEnglishStemming() =>
        Assert.True(Meet(Analyzers.English, "claims", "claiming"));

    [Fact]
    public void TheLexiconIsLoaded() => Assert.True(DutchLexicon.Instance.LemmaPairs > 150_000);
}
