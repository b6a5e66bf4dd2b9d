using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>
/// The editor's title and tags fields as the server renders them: the text box holds the body only, tags
/// are suggested only from spaces the author may read, and the API still takes and keeps whole files.
/// </summary>
public sealed partial class PageFieldsTests(PageFieldsTests.People people) : IClassFixture<PageFieldsTests.People>
{
    [Fact]
    public async Task TheEditorShowsTitleAndTagsAsFieldsAndOnlyTheBodyInTheTextBox()
    {
        const string file = "---\ntitle: Velden proef\ntags: [velden, proef]\nowner: petra\n---\n\nAlleen de tekst.\n";
        (await people.Admin.PutAsJsonAsync("/api/pages/handboek/velden-proef", new { markdown = file })).EnsureSuccessStatusCode();
        var writer = await people.SessionAsync("collega");

        var html = await EditorAsync(writer, "handboek/velden-proef");

        Assert.Equal("Alleen de tekst.\n", WebUtility.HtmlDecode(TextArea().Match(html).Groups[1].Value).ReplaceLineEndings("\n"));
        Assert.Matches("<input id=\"page-title\"[^>]*value=\"Velden proef\"", html);
        Assert.Matches("<input id=\"page-tags\"[^>]*value=\"velden, proef\"", html);
        Assert.DoesNotContain("owner: petra", html);
    }

    [Fact]
    public async Task TagsAreSuggestedOnlyFromSpacesTheAuthorMayRead()
    {
        (await people.Admin.PutAsJsonAsync("/api/pages/kluis/geheim-overleg", new { markdown = "---\ntitle: Geheim overleg\ntags: [overname-sluis]\n---\n\nNiet voor iedereen.\n" })).EnsureSuccessStatusCode();
        (await people.Admin.PutAsJsonAsync("/api/pages/handboek/open-overleg", new { markdown = "---\ntitle: Open overleg\ntags: [open-deur]\n---\n\nVoor iedereen.\n" })).EnsureSuccessStatusCode();

        var outsider = await SuggestionsAsync(await people.SessionAsync("collega"));
        var member = await SuggestionsAsync(await people.SessionAsync("lid"));

        Assert.Contains("open-deur", outsider);
        Assert.Contains("onboarding", outsider);
        Assert.DoesNotContain("overname-sluis", outsider);
        Assert.Contains("overname-sluis", member);
        Assert.Contains("open-deur", member);
    }

    [Fact]
    public async Task TheApiStillTakesAndKeepsTheWholeFile()
    {
        const string file = "---\ntitle: Heel bestand\n# opmerking\nowner: petra\n---\n\nTekst.\n";

        var put = await people.Admin.PutAsJsonAsync("/api/pages/handboek/heel-bestand", new { markdown = file });

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var page = await (await people.Admin.GetAsync("/api/pages/handboek/heel-bestand")).ReadJsonAsync();
        Assert.Equal(file, page.Str("markdown"));
        Assert.Equal("Heel bestand", page.Str("title"));
    }

    private static async Task<HashSet<string>> SuggestionsAsync(BrowserSession session)
    {
        var html = await EditorAsync(session, "handboek/welkom");
        var list = Regex.Match(html, "<datalist id=\"page-tags-suggestions\">(.*?)</datalist>", RegexOptions.Singleline);
        Assert.True(list.Success, "the editor has no tag suggestions");
        return Regex.Matches(list.Groups[1].Value, "<option value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet();
    }

    private static async Task<string> EditorAsync(BrowserSession session, string path)
    {
        var response = await session.Client.GetAsync("/edit/" + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<textarea id=\"editor-text\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    public sealed class People : IAsyncLifetime
    {
        private const string Password = "Wachtwoord-123";

        public TeamWikiFactory Server { get; } = new();

        public HttpClient Admin => Server.AdminClient();

        public async Task InitializeAsync()
        {
            foreach (var (handle, name) in new[] { ("collega", "Cor Collega"), ("lid", "Lex Lid") })
            {
                (await Admin.PostAsJsonAsync("/api/users", new { email = $"{handle}@example.org", name, password = Password })).EnsureSuccessStatusCode();
            }

            (await Admin.PostAsJsonAsync("/api/spaces", new { key = "kluis", name = "Kluis", visibility = "private", taskPrefix = "KL" })).EnsureSuccessStatusCode();
            (await Admin.PutAsJsonAsync("/api/spaces/kluis/members/lid@example.org", new { role = "member" })).EnsureSuccessStatusCode();
        }

        public Task<BrowserSession> SessionAsync(string handle) =>
            new BrowserSession(Server.BaseAddress).SignInAsync($"{handle}@example.org", Password);

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }
}
