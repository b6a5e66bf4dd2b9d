using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>Uploads of at most <see cref="SmallUploadsFactory.Limit"/> bytes; a private space "plaatjes" with a read-only guest, and staff who are no member of it.</summary>
public sealed class PageMediaFixture : IAsyncLifetime
{
    public SmallUploadsFactory Server { get; } = new();

    public HttpClient Admin => Server.AdminClient();

    public HttpClient Guest { get; private set; } = null!;

    public HttpClient Outsider { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var admin = Admin;
        (await admin.PostAsJsonAsync("/api/spaces", new { key = "plaatjes", name = "Plaatjes", visibility = "private", taskPrefix = "PL" })).EnsureSuccessStatusCode();
        (await admin.PutPageAsync("plaatjes/kantoor", "---\ntitle: Kantoor\n---\n\nDe plattegrond.\n")).EnsureSuccessStatusCode();
        Guest = await UserAsync(admin, "plaatjesgast", guest: true);
        Outsider = await UserAsync(admin, "plaatjesbuiten", guest: false);
        (await admin.PutAsJsonAsync("/api/spaces/plaatjes/members/plaatjesgast@example.org", new { role = "guest" })).EnsureSuccessStatusCode();
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

/// <summary><c>POST /api/pages/{path}/media</c>: files pasted or dropped into the editor, stored in the page's <c>_media</c>.</summary>
public class PageMediaApiTests(PageMediaFixture fx) : IClassFixture<PageMediaFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly HttpClient _admin = fx.Admin;

    [Fact]
    public async Task AnImageIsStoredBesideThePageAndServedFromItsLink()
    {
        var response = await UploadAsync(_admin, "plaatjes/kantoor", ("Plattegrond Kantoor.png", Png));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await response.ReadJsonAsync())[0];
        Assert.Equal("plattegrond-kantoor.png", stored.Str("name"));
        Assert.Equal("_media/plattegrond-kantoor.png", stored.Str("link"));
        Assert.Equal("/files/plaatjes/_media/plattegrond-kantoor.png", stored.Str("url"));
        Assert.Equal(stored.Str("url"), response.Headers.Location?.OriginalString);
        Assert.True(stored.GetProperty("image").GetBoolean());
        Assert.True(stored.GetProperty("created").GetBoolean());
        var served = await _admin.GetAsync(stored.Str("url"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ATakenNameGetsASuffixAndTheSameBytesAgainAreNotStoredTwice()
    {
        var first = (await (await UploadAsync(_admin, "plaatjes/kantoor", ("pasted-2026-12-07-1432.png", Png))).ReadJsonAsync())[0];
        var other = Png.Concat(new byte[] { 1, 2, 3 }).ToArray();
        var second = (await (await UploadAsync(_admin, "plaatjes/kantoor", ("pasted-2026-12-07-1432.png", other))).ReadJsonAsync())[0];
        var head = await HeadAsync();
        var again = (await (await UploadAsync(_admin, "plaatjes/kantoor", ("pasted-2026-12-07-1432.png", Png))).ReadJsonAsync())[0];

        Assert.Equal("pasted-2026-12-07-1432.png", first.Str("name"));
        Assert.Equal("pasted-2026-12-07-1432-2.png", second.Str("name"));
        Assert.Equal(other, await _admin.GetByteArrayAsync(second.Str("url")));
        Assert.Equal(Png, await _admin.GetByteArrayAsync(first.Str("url")));
        Assert.Equal("pasted-2026-12-07-1432.png", again.Str("name"));
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task AFileThatIsNoImageIsStoredAndLinkedAsADownload()
    {
        var text = "datum;wie\n2026-12-07;Anna\n"u8.ToArray();
        var stored = (await (await UploadAsync(_admin, "plaatjes/kantoor", ("rooster.csv", text))).ReadJsonAsync())[0];

        Assert.False(stored.GetProperty("image").GetBoolean());
        var served = await _admin.GetAsync(stored.Str("url"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("rooster.csv", served.Content.Headers.ContentDisposition?.FileNameStar ?? served.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task APageNotSavedYetKeepsItsFilesWhereItsLinksWillFindThem()
    {
        var top = (await (await UploadAsync(_admin, "plaatjes/nog-niet-opgeslagen", ("schets.png", Png))).ReadJsonAsync())[0];
        var nested = (await (await UploadAsync(_admin, "plaatjes/kantoor/verdieping-2", ("trap.png", Png))).ReadJsonAsync())[0];

        Assert.Equal("/files/plaatjes/_media/schets.png", top.Str("url"));
        Assert.Equal("/files/plaatjes/kantoor/_media/trap.png", nested.Str("url"));
        (await _admin.PutPageAsync("plaatjes/nog-niet-opgeslagen", $"# Schets\n\n![Schets]({top.Str("link")})\n")).EnsureSuccessStatusCode();
        (await _admin.PutPageAsync("plaatjes/kantoor/verdieping-2", $"# Verdieping 2\n\n![Trap]({nested.Str("link")})\n")).EnsureSuccessStatusCode();
        var html = (await (await _admin.GetAsync("/api/pages/plaatjes/nog-niet-opgeslagen")).ReadJsonAsync()).Str("html");
        var nestedHtml = (await (await _admin.GetAsync("/api/pages/plaatjes/kantoor/verdieping-2")).ReadJsonAsync()).Str("html");
        Assert.Contains("src=\"/files/plaatjes/_media/schets.png\"", html);
        Assert.Contains("src=\"/files/plaatjes/kantoor/_media/trap.png\"", nestedHtml);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(nested.Str("url"))).StatusCode);
    }

    [Fact]
    public async Task AFileOverTheUploadLimitIs413AndNothingIsWritten()
    {
        var head = await HeadAsync();
        var big = Png.Concat(new byte[SmallUploadsFactory.Limit]).ToArray();

        var response = await UploadAsync(_admin, "plaatjes/kantoor", ("te-groot.png", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(SmallUploadsFactory.Limit, problem.GetProperty("limit").GetInt64());
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/files/plaatjes/_media/te-groot.png")).StatusCode);
    }

    [Theory]
    [InlineData("programma.exe", "MZ binary")]
    [InlineData("script.js", "alert(1)")]
    [InlineData("geen-plaatje.png", "<svg onload=alert(1)>")]
    [InlineData("../../geheim.png", null)]
    [InlineData("..\\..\\geheim.png", null)]
    [InlineData("_media/../../kantoor.md", "# overschreven")]
    [InlineData("..", null)]
    [InlineData("???.png", null)]
    public async Task ARefusedFileIs400AndNothingIsWritten(string name, string? text)
    {
        var head = await HeadAsync();

        var response = await UploadAsync(_admin, "plaatjes/kantoor", (name, text is null ? Png : System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal("---\ntitle: Kantoor\n---\n\nDe plattegrond.\n", (await (await _admin.GetAsync("/api/pages/plaatjes/kantoor")).ReadJsonAsync()).Str("markdown"));
    }

    [Fact]
    public async Task OneRefusedFileInAFormStoresNoneOfIt()
    {
        var head = await HeadAsync();

        var response = await UploadAsync(_admin, "plaatjes/kantoor", ("goed.png", Png), ("slecht.exe", Png));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/files/plaatjes/_media/goed.png")).StatusCode);
    }

    [Fact]
    public async Task AReaderWhoMayNotEditGets403AndSomeoneWhoCannotSeeTheSpace404AndNothingIsWritten()
    {
        var head = await HeadAsync();

        var guest = await UploadAsync(fx.Guest, "plaatjes/kantoor", ("van-de-gast.png", Png));
        var outsider = await UploadAsync(fx.Outsider, "plaatjes/kantoor", ("van-buiten.png", Png));
        var noSpace = await UploadAsync(_admin, "bestaat-niet/pagina", ("nergens.png", Png));

        Assert.Equal(HttpStatusCode.Forbidden, guest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSpace.StatusCode);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/files/plaatjes/_media/van-de-gast.png")).StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNoFormOrHoldsNoFilesIsRefusedAndNothingIsWritten()
    {
        var head = await HeadAsync();

        var json = await _admin.PostAsJsonAsync("/api/pages/plaatjes/kantoor/media", new { files = "x" });
        var empty = await _admin.PostAsync("/api/pages/plaatjes/kantoor/media", new MultipartFormDataContent { { new StringContent("tekst"), "message" } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        return client.PostAsync($"/api/pages/{page}/media", form);
    }

    private async Task<string> HeadAsync() => (await (await _admin.GetAsync("/health")).ReadJsonAsync()).Str("head");
}
