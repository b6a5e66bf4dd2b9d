using System.Net;
using System.Net.Http.Json;
using System.Text;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>A private space "vinkjes" with a read-only guest, and staff who are no member of it.</summary>
public sealed class CheckboxFixture : IAsyncLifetime
{
    public TeamWikiFactory Server { get; } = new();

    public HttpClient Admin => Server.AdminClient();

    public HttpClient Guest { get; private set; } = null!;

    public HttpClient Outsider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var admin = Admin;
        (await admin.PostAsJsonAsync("/api/spaces", new { key = "vinkjes", name = "Vinkjes", visibility = "private", taskPrefix = "VK" })).EnsureSuccessStatusCode();
        Guest = await UserAsync(admin, "vinkgast", guest: true);
        Outsider = await UserAsync(admin, "buitenstaander", guest: false);
        (await admin.PutAsJsonAsync("/api/spaces/vinkjes/members/vinkgast@example.org", new { role = "guest" })).EnsureSuccessStatusCode();
    }

    private async Task<HttpClient> UserAsync(HttpClient admin, string name, bool guest)
    {
        var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123", guest })).ReadJsonAsync();
        var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
        return Server.ClientWithToken(token.Str("token"));
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}

public class CheckboxApiTests(CheckboxFixture fx) : IClassFixture<CheckboxFixture>
{
    // Front matter, a checkbox-looking line inside a code block (text, not a checkbox), then three boxes.
    private const string Page = "---\ntitle: Vinklijst\n---\n\nIntro.\n\n```\n- [ ] geen vinkje\n```\n\n- [ ] eerste\n- [x] tweede\n- [ ] derde\n\nSlot.\n";

    private readonly HttpClient _admin = fx.Admin;

    [Fact]
    public async Task ATickChangesOnlyThatCheckboxCountingAsTheRenderedPageDoes()
    {
        var revision = await CreateAsync("vinkjes/alleen-dat-vinkje");

        var response = await TickAsync(_admin, "vinkjes/alleen-dat-vinkje", new { index = 2, @checked = true, baseRevision = revision });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.Equal("vinkjes/alleen-dat-vinkje", answer.Str("path"));
        Assert.NotEqual(revision, answer.Str("revision"));
        Assert.False(answer.GetProperty("merged").GetBoolean());
        Assert.True(answer.GetProperty("checked").GetBoolean());
        Assert.Equal(Page.Replace("- [ ] derde", "- [x] derde"), await MarkdownAsync("vinkjes/alleen-dat-vinkje"));
        var history = await (await _admin.GetAsync("/api/pages/vinkjes/alleen-dat-vinkje/history")).ReadJsonAsync();
        Assert.Equal("Tick checkbox 3", history[0].Str("message"));
        Assert.Equal(answer.Str("revision"), history[0].Str("revision"));

        var untick = await TickAsync(_admin, "vinkjes/alleen-dat-vinkje", new { index = 1, @checked = false, baseRevision = answer.Str("revision") });
        Assert.Equal(HttpStatusCode.OK, untick.StatusCode);
        Assert.Equal(Page.Replace("- [ ] derde", "- [x] derde").Replace("- [x] tweede", "- [ ] tweede"), await MarkdownAsync("vinkjes/alleen-dat-vinkje"));
    }

    [Fact]
    public async Task ATickFromAnOlderRevisionIsMergedWithAnEditElsewhere()
    {
        var seen = await CreateAsync("vinkjes/samenvoegen");
        (await _admin.PutPageAsync("vinkjes/samenvoegen", Page.Replace("Slot.", "Nieuw slot."), seen)).EnsureSuccessStatusCode();

        var response = await TickAsync(_admin, "vinkjes/samenvoegen", new { index = 0, @checked = true, baseRevision = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("merged").GetBoolean());
        Assert.Equal(Page.Replace("Slot.", "Nieuw slot.").Replace("- [ ] eerste", "- [x] eerste"), await MarkdownAsync("vinkjes/samenvoegen"));
    }

    [Fact]
    public async Task ATickOnALineSomeoneElseChangedIs409AndWritesNothing()
    {
        var seen = await CreateAsync("vinkjes/overlap");
        (await _admin.PutPageAsync("vinkjes/overlap", Page.Replace("- [ ] eerste", "- [ ] eerste, herschreven"), seen)).EnsureSuccessStatusCode();
        var head = await HeadAsync();

        var response = await TickAsync(_admin, "vinkjes/overlap", new { index = 0, @checked = true, baseRevision = seen });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(Page.Replace("- [ ] eerste", "- [ ] eerste, herschreven"), await MarkdownAsync("vinkjes/overlap"));
    }

    [Theory]
    [InlineData("""{"index":3,"checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":-1,"checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":0,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":0,"checked":true}""", 400)]
    [InlineData("""{"index":0,"checked":true,"baseRevision":"  "}""", 400)]
    [InlineData("""{"index":"nul","checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":0,"checked":true,"baseRevision":"{rev}" """, 400)]
    [InlineData("null", 400)]
    [InlineData("""{"index":0,"checked":true,"baseRevision":"0000000000000000000000000000000000000000"}""", 404)]
    public async Task BadInputIsRefusedWithAReasonAndWritesNothing(string body, int expected)
    {
        var revision = await CreateAsync("vinkjes/foute-invoer");
        var head = await HeadAsync();

        var response = await _admin.PostAsync("/api/pages/vinkjes/foute-invoer/checkbox",
            new StringContent(body.Replace("{rev}", revision), Encoding.UTF8, "application/json"));

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.ReadJsonAsync()).Str("detail")));
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415AndWritesNothing()
    {
        var revision = await CreateAsync("vinkjes/geen-json");
        var head = await HeadAsync();

        var response = await _admin.PostAsync("/api/pages/vinkjes/geen-json/checkbox", new StringContent($"index=0&checked=true&baseRevision={revision}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task AReaderWhoMayNotEditGets403AndAnOutsiderTheSame404AsForAMissingPage()
    {
        var revision = await CreateAsync("vinkjes/alleen-lezen");
        var head = await HeadAsync();
        var body = new { index = 0, @checked = true, baseRevision = revision };
        Assert.Equal(HttpStatusCode.OK, (await fx.Guest.GetAsync("/api/pages/vinkjes/alleen-lezen")).StatusCode);

        var guest = await TickAsync(fx.Guest, "vinkjes/alleen-lezen", body);
        var outsider = await TickAsync(fx.Outsider, "vinkjes/alleen-lezen", body);
        var missing = await TickAsync(_admin, "vinkjes/bestaat-niet", body);

        Assert.Equal(HttpStatusCode.Forbidden, guest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("alleen-lezen", await outsider.Content.ReadAsStringAsync());
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(Page, await MarkdownAsync("vinkjes/alleen-lezen"));
    }

    private async Task<string> CreateAsync(string path)
    {
        var response = await _admin.PutPageAsync(path, Page);
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).Str("revision");
    }

    private static Task<HttpResponseMessage> TickAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync($"/api/pages/{path}/checkbox", body);

    private async Task<string> MarkdownAsync(string path) => (await (await _admin.GetAsync($"/api/pages/{path}")).ReadJsonAsync()).Str("markdown");

    private async Task<string> HeadAsync() => (await (await _admin.GetAsync("/health")).ReadJsonAsync()).Str("head");
}
