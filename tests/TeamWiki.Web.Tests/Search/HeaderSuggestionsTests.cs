using System.Net;
using System.Text.Json;
using TeamWiki.Web.Search;
using TeamWiki.Web.Tests.Spaces;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// The header's suggestions (<c>GET /api/search/suggest</c>): titles that start with the typed text before
/// titles with a word that starts so, and spaces and people next to pages, each only for a reader who may
/// see them. "geheim" is private (owner, member, and guest invited into it); outsider is staff outside it.
/// </summary>
public sealed class HeaderSuggestionsTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task TitlesThatStartWithTheTypedTextComeBeforeTitlesWithAWordThatDoes()
    {
        var owner = fixture.Clients["owner"];
        (await owner.PutPageAsync("handboek/declaraties", "---\ntitle: Declaraties en vergoedingen\n---\n\nTekst.\n")).EnsureSuccessStatusCode();
        (await owner.PutPageAsync("handboek/vergaderingen-hs", "---\ntitle: Vergaderingen\n---\n\nTekst.\n")).EnsureSuccessStatusCode();
        await fixture.WaitForIndexAsync();

        var titles = (await SuggestAsync(owner, "verg")).Select(s => s.Str("title")).ToList();

        Assert.Equal("Vergaderingen", titles[0]);
        Assert.Contains("Declaraties en vergoedingen", titles);
        var firstWordMatch = titles.FindIndex(t => !t.StartsWith("verg", StringComparison.OrdinalIgnoreCase));
        Assert.True(firstWordMatch > 0, string.Join(", ", titles));
        Assert.All(titles.Skip(firstWordMatch), t => Assert.False(t.StartsWith("verg", StringComparison.OrdinalIgnoreCase), string.Join(", ", titles)));
    }

    [Fact]
    public async Task SpacesAreSuggestedOnlyToReadersWhoMayReadThem()
    {
        var member = await SuggestAsync(fixture.Clients["member"], "geheim pr");
        var space = Assert.Single(member, s => s.Str("kind") == "space");
        Assert.Equal(("geheim", "Geheim project", "/wiki/geheim"), (space.Str("path"), space.Str("title"), space.Str("url")));

        Assert.DoesNotContain(await SuggestAsync(fixture.Clients["outsider"], "geheim pr"), s => s.Str("kind") == "space");
        Assert.DoesNotContain(await SuggestAsync(fixture.Clients["otherguest"], "geh"), s => s.GetRawText().Contains("geheim", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(await SuggestAsync(fixture.Clients["outsider"], "handb"), s => s.Str("kind") == "space" && s.Str("path") == "handboek");
    }

    [Fact]
    public async Task PeopleAreSuggestedAsThePeoplePagesShowThem()
    {
        var staff = await SuggestAsync(fixture.Clients["outsider"], "memb");
        var person = Assert.Single(staff, s => s.Str("kind") == "person");
        Assert.Equal(("member", "/people/member"), (person.Str("title"), person.Str("url")));

        // A guest sees the people of the spaces they were invited to, and nobody else.
        Assert.Contains(await SuggestAsync(fixture.Clients["guest"], "memb"), s => s.Str("kind") == "person");
        Assert.DoesNotContain(await SuggestAsync(fixture.Clients["guest"], "outs"), s => s.Str("kind") == "person");
        Assert.DoesNotContain(await SuggestAsync(fixture.Clients["otherguest"], "memb"), s => s.Str("kind") == "person");
    }

    [Fact]
    public async Task EmptyOrPunctuationOnlyInputSuggestsNothing()
    {
        Assert.Empty(await SuggestAsync(fixture.Clients["owner"], ""));
        Assert.Empty(await SuggestAsync(fixture.Clients["owner"], "  -- "));
    }

    [Theory]
    [InlineData("Vergaderingen", "verg", SuggestionMatch.StartsWith)]
    [InlineData("Declaraties en vergoedingen", "verg", SuggestionMatch.WordStartsWith)]
    [InlineData("Coördinatie van ideeën", "COORD", SuggestionMatch.StartsWith)]
    [InlineData("Vergaderen op afstand", "vergaderen op", SuggestionMatch.StartsWith)]
    [InlineData("Vergaderen op afstand", "afst verg", SuggestionMatch.WordStartsWith)]
    [InlineData("Project Atlas", "atlas proj", SuggestionMatch.WordStartsWith)]
    [InlineData("Ergens anders", "verg", null)]
    [InlineData("Ergens anders", "", null)]
    public void NamesRankByWhereTheTypedWordsStart(string name, string typed, int? rank) =>
        Assert.Equal(rank, SuggestionMatch.Rank(name, typed));

    private static async Task<List<JsonElement>> SuggestAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync("/api/search/suggest?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }
}
