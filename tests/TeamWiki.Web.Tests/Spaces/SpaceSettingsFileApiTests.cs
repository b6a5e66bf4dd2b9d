using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// Space settings survive any text over the API, and a <c>_space.yml</c> pushed broken fails closed:
/// the space becomes private to its owners and admins, with a warning in the log and on the space page.
/// </summary>
public class SpaceSettingsFileApiTests(SpaceSettingsFixture fixture) : IClassFixture<SpaceSettingsFixture>
{
    public static TheoryData<string> LineBreaks() => new() { "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task ADescriptionWithAnyLineBreakRoundTripsAndThePrivateSpaceStaysPrivate(string lineBreak)
    {
        var owner = fixture.Clients["owner"];
        var description = $"Regel één{lineBreak}regel twee";

        var patched = await owner.PatchAsJsonAsync("/api/spaces/kluis", new { description });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var stored = await (await owner.GetAsync("/api/spaces/kluis")).ReadJsonAsync();
        Assert.Equal(description, stored.Str("description"));
        Assert.Equal("private", stored.Str("visibility"));
        Assert.Equal("Kluis", stored.Str("name"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Clients["outsider"].GetAsync("/api/spaces/kluis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Clients["outsider"].GetAsync("/wiki/kluis")).StatusCode);
    }

    [Fact]
    public async Task SettingsThatCannotBeStoredAre400AndNothingIsWritten()
    {
        var owner = fixture.Clients["owner"];
        var before = await HeadAsync();
        var settingsBefore = await (await owner.GetAsync("/api/spaces/kluis")).Content.ReadAsStringAsync();

        // Half a surrogate pair: no file could hold it, so the save must not half-happen.
        var response = await owner.PatchAsync("/api/spaces/kluis", new StringContent("{\"description\":\"kapot \\ud800 teken\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await HeadAsync());
        Assert.Equal(settingsBefore, await (await owner.GetAsync("/api/spaces/kluis")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APushedBrokenSettingsFileMakesTheSpacePrivateToItsOwnersAndAdmins()
    {
        var owner = fixture.Clients["owner"];
        (await owner.PostAsJsonAsync("/api/spaces", new { key = "werkplaats", name = "Werkplaats", visibility = "internal", taskPrefix = "WP" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/spaces/werkplaats/members/member", new { role = "member" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/pages/werkplaats/start", new { markdown = "# Start\n\nHet zeearendplan.\n" })).EnsureSuccessStatusCode();
        // Positive control: while the file is good, the internal space is open to all staff.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Clients["outsider"].GetAsync("/wiki/werkplaats/start")).StatusCode);

        fixture.Push("werkplaats/_space.yml", "name: Werkplaats\ndescription: \"een aanhalingsteken te veel\nvisibility: internal\n");
        await AccessFixture.Eventually(async () => (await fixture.Clients["outsider"].GetAsync("/api/spaces/werkplaats")).StatusCode == HttpStatusCode.NotFound,
            "the pushed settings file to close the space");

        foreach (var who in new[] { "outsider", "member" })
        {
            var client = fixture.Clients[who];
            foreach (var url in new[] { "/wiki/werkplaats", "/wiki/werkplaats/start", "/api/pages/werkplaats/start", "/api/spaces/werkplaats", "/spaces/werkplaats/board" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} {url}: {(int)response.StatusCode}");
                Assert.DoesNotContain("Werkplaats", await response.Content.ReadAsStringAsync());
            }
        }

        foreach (var who in new[] { "owner", "admin" })
        {
            var client = fixture.Clients[who];
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/pages/werkplaats/start")).StatusCode);
            var home = await client.GetAsync("/wiki/werkplaats");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync());
            Assert.Contains("id=\"space-settings-problem\"", html);
            Assert.Contains("Het instellingenbestand van deze ruimte (_space.yml) is onleesbaar", html);
            Assert.Contains("alleen de eigenaren en beheerders", html);
        }

        var english = new HttpRequestMessage(HttpMethod.Get, "/wiki/werkplaats");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var englishHtml = WebUtility.HtmlDecode(await (await owner.SendAsync(english)).Content.ReadAsStringAsync());
        Assert.Contains("The settings file of this space (_space.yml) cannot be read", englishHtml);
        Assert.Contains("only its owners and administrators can open it", englishHtml);

        Assert.Contains(fixture.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("_space.yml") && l.Message.Contains("werkplaats"));

        // Saving the settings again repairs the file and opens the space to staff again.
        (await owner.PatchAsJsonAsync("/api/spaces/werkplaats", new { name = "Werkplaats", visibility = "internal" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Clients["outsider"].GetAsync("/wiki/werkplaats/start")).StatusCode);
    }

    private async Task<string> HeadAsync() => (await (await fixture.Clients["admin"].GetAsync("/health")).ReadJsonAsync()).Str("head");
}

/// <summary>The app with its log captured, a private space "kluis", and an owner, a member, staff outside and the admin.</summary>
public sealed class SpaceSettingsFixture : IAsyncLifetime
{
    public LoggingFactory Server { get; } = new();

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public ConcurrentQueue<(LogLevel Level, string Message)> Logs => Server.Logs;

    public async Task InitializeAsync()
    {
        var admin = Server.AdminClient();
        Clients["admin"] = admin;
        foreach (var name in new[] { "owner", "member", "outsider" })
        {
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123" })).ReadJsonAsync();
            var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
            Clients[name] = Server.ClientWithToken(token.Str("token"));
        }

        (await Clients["owner"].PostAsJsonAsync("/api/spaces", new { key = "kluis", name = "Kluis", visibility = "private", taskPrefix = "KL" })).EnsureSuccessStatusCode();
    }

    /// <summary>Commits <paramref name="text"/> as <paramref name="path"/> in a clone and pushes it, as someone outside the wiki would.</summary>
    public void Push(string path, string text)
    {
        var clone = Path.Combine(Server.DataDirectory, "..", "clone-" + Guid.NewGuid().ToString("n"));
        Git($"clone -q \"{Path.Combine(Server.DataDirectory, "wiki.git")}\" \"{clone}\"", Path.GetTempPath());
        File.WriteAllText(Path.Combine(clone, path), text);
        Git("add -A", clone);
        Git("commit -q -m \"Instellingen met de hand\"", clone);
        Git("push -q origin main", clone);
    }

    private static void Git(string arguments, string directory)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Vim Gebruiker";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "vim@example.org";
        using var process = Process.Start(psi)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {arguments}: {error}");
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The app with every log line kept, for tests that promise a warning.</summary>
public sealed class LoggingFactory : TeamWikiFactory
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new Provider(Logs)));
    }

    private sealed class Provider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception)));
    }
}
