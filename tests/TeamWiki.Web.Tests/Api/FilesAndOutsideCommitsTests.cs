using System.Diagnostics;
using System.Net;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

public class FilesAndOutsideCommitsTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    [Fact]
    public async Task FilesAreServedFromGitWithASandboxingPolicy()
    {
        var response = await factory.AdminClient().GetAsync("/files/handboek/_media/onboarding-tijdlijn.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task NonImageFilesAreDownloads()
    {
        var api = factory.AdminClient();
        await api.PutPageAsync("handboek/bijlage-test", "x\n");
        var response = await api.GetAsync("/files/handboek/bijlage-test.md");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    // Dot segments are resolved before routing: "/files/etc/passwd" names no space.
    [InlineData("/files/handboek/%2e%2e/%2e%2e/etc/passwd", HttpStatusCode.NotFound)]
    // An encoded slash stays part of one segment, which names no space either.
    [InlineData("/files/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    // Kestrel refuses a NUL in the path.
    [InlineData("/files/handboek/a%00b", HttpStatusCode.BadRequest)]
    public async Task FilePathsCannotEscape(string url, HttpStatusCode expected)
    {
        var response = await factory.AdminClient().GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APushFromAGitCloneIsServedWithoutARestart()
    {
        var api = factory.AdminClient();
        await api.GetAsync("/health");
        var clone = Path.Combine(factory.DataDirectory, "..", "clone-" + Guid.NewGuid().ToString("n"));
        Git($"clone -q \"{Path.Combine(factory.DataDirectory, "wiki.git")}\" \"{clone}\"", Path.GetTempPath());
        File.WriteAllText(Path.Combine(clone, "kennisbank", "uit-de-editor.md"), "---\ntitle: Uit de editor\n---\n\nGeschreven in Vim en gepusht.\n");
        Git("add -A", clone);
        Git("commit -q -m \"Pagina uit de editor\"", clone);
        Git("push -q origin main", clone);

        // The wiki notices the push by itself (it polls the branch); how quickly is the benchmark's concern.
        var response = await Eventually.UntilAsync(
            () => api.GetAsync("/api/pages/kennisbank/uit-de-editor"),
            r => r.StatusCode == HttpStatusCode.OK,
            "the pushed page to be served");
        var page = await response.ReadJsonAsync();
        Assert.Equal("Uit de editor", page.Str("title"));
        Assert.Equal("Vim Gebruiker", page.Str("author"));
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
}
