using TeamWiki.Search.Analysis;

namespace TeamWiki.Search.Tests.Query;

/// <summary>Records outside any space (the team stream, people): found through their audiences, kept out of facets and suggestions.</summary>
public class AudienceTests
{
    private static readonly WikiAnalyzers Analyzers = new();

    [Fact]
    public void ARecordWithAnAudienceIsFoundOnlyBySearchesThatNameIt()
    {
        using var index = new WikiSearchIndex(Temp(), Analyzers);
        index.Apply([new SearchDocument("post", "7", "Teamnieuws", [], "de tureluur is terug", [], "", "Sanne", DateTimeOffset.UtcNow, Audiences: ["~team"], Suggestible: false)], [], "1");

        Assert.Equal(1, index.Search(new SearchRequest("tureluur", VisibleSpaces: ["handboek", "~team"])).Total);
        var hidden = index.Search(new SearchRequest("tureluur", VisibleSpaces: ["handboek"]));
        Assert.Equal(0, hidden.Total);
        Assert.Null(hidden.Suggestion);
        Assert.Equal(1, index.Search(new SearchRequest("tureluur", Kind: "post")).Total);
        Assert.Equal(0, index.Search(new SearchRequest("tureluur", Kind: "page")).Total);
        Assert.Empty(index.Search(new SearchRequest("tureluur")).Facets["space"]);
        Assert.Empty(index.Suggest("teamnieuw"));
    }

    [Fact]
    public void ABoostLiftsARecordAboveAnOtherwiseEqualOne()
    {
        using var index = new WikiSearchIndex(Temp(), Analyzers);
        index.Apply(
        [
            new SearchDocument("post", "1", "Waar ligt de sleutel?", [], "Waar ligt de sleutel? In de la.", [], "a", "x", DateTimeOffset.UtcNow),
            new SearchDocument("post", "2", "Waar ligt de sleutel?", [], "Waar ligt de sleutel? In de la.", [], "a", "x", DateTimeOffset.UtcNow, Boost: 1.5f),
        ], [], "1");

        Assert.Equal(["2", "1"], index.Search(new SearchRequest("sleutel")).Items.Select(i => i.Path));
    }

    [Fact]
    public void ReplacingAKindDropsItsRecordsThatAreGone()
    {
        using var index = new WikiSearchIndex(Temp(), Analyzers);
        index.Apply([new SearchDocument("person", "sanne", "Sanne", [], "kwartel", [], "", "Sanne", DateTimeOffset.UtcNow),
            new SearchDocument("page", "a/b", "Kwartel", [], "kwartel", [], "a", "x", DateTimeOffset.UtcNow)], [], "1");
        index.ReplaceKind("person", [new SearchDocument("person", "sanne-b", "Sanne", [], "kwartel", [], "", "Sanne", DateTimeOffset.UtcNow)]);

        Assert.Equal(["a/b", "sanne-b"], index.Search(new SearchRequest("kwartel")).Items.Select(i => i.Path).Order());
        Assert.Equal("1", index.IndexedCommit);
    }

    private static string Temp() => Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
}
