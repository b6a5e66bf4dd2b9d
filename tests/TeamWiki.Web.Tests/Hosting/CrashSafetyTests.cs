using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TeamWiki.Storage.Git;

namespace TeamWiki.Web.Tests.Hosting;

/// <summary>
/// The real server as a child process, killed with SIGKILL while four writers save as fast as they can.
/// Afterwards git fsck is clean, every acknowledged save is in the branch's history, and the server
/// starts again on the same data.
/// </summary>
public partial class CrashSafetyTests
{
    private const string Token = "tw_crash_test_token_0123456789abcdef";
    private const int Writers = 4;

    [Fact]
    public async Task KillingTheServerMidSaveLosesNoAcknowledgedSaveAndLeavesGitConsistent()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-crash", Guid.NewGuid().ToString("n"));
        var acknowledged = new ConcurrentBag<(string Page, string Line, string Revision)>();
        try
        {
            for (var round = 0; round < 2; round++)
            {
                using var server = await ChildServer.StartAsync(data);
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                {
                    using var http = server.Client();
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var page = $"handboek/crash-{w}";
                        var line = $"ronde {round} schrijver {w} opslag {i}";
                        try
                        {
                            var response = await http.PutAsJsonAsync($"/api/pages/{page}", new { markdown = $"# Crash {w}\n\n{line}\n" });
                            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
                            {
                                var body = await response.Content.ReadFromJsonAsync<Saved>();
                                acknowledged.Add((page, line, body!.Revision));
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return;
                        }
                    }
                })).ToArray();

                await Task.Delay(TimeSpan.FromSeconds(2));
                server.Kill();
                stop.Cancel();
                await Task.WhenAll(writers);
            }

            Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} saves were acknowledged");
            var gitDir = Path.Combine(data, "wiki.git");
            using (GitContentRepository.OpenOrCreate(gitDir))
            {
                // Opening removes a lock file a killed writer may have left behind.
            }

            var fsck = Git("fsck --full --strict", gitDir);
            Assert.DoesNotMatch(FsckProblem(), fsck);
            foreach (var (page, line, revision) in acknowledged)
            {
                Assert.Equal("", Git($"merge-base --is-ancestor {revision} main", gitDir).Trim());
                Assert.Contains(line, Git($"show {revision}:{page}.md", gitDir));
            }

            // Each page holds its last acknowledged text, or a later one whose answer was lost in the kill.
            foreach (var group in acknowledged.GroupBy(a => a.Page))
            {
                var last = group.OrderByDescending(a => int.Parse(a.Line.Split(' ')[1]) * 1_000_000 + int.Parse(a.Line.Split(' ')[^1])).First();
                var headText = Git($"show main:{group.Key}.md", gitDir);
                Assert.Equal("", Git($"merge-base --is-ancestor {last.Revision} main", gitDir).Trim());
                Assert.Contains("ronde 1", headText);
            }

            using var restarted = await ChildServer.StartAsync(data);
            using var client = restarted.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/api/pages/handboek/na-de-crash", new { markdown = "Werkt weer.\n" })).StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Git(string arguments, string directory)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {arguments} failed: {error}");
        return output.Result + error;
    }

    [GeneratedRegex("error|missing|broken|corrupt|dangling blob .* bad", RegexOptions.IgnoreCase)]
    private static partial Regex FsckProblem();

    private sealed record Saved(string Revision);

    /// <summary>The published app started with `dotnet TeamWiki.Web.dll` on a free port.</summary>
    private sealed partial class ChildServer : IDisposable
    {
        private readonly Process _process;

        private ChildServer(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ChildServer> StartAsync(string dataDirectory)
        {
            var psi = new ProcessStartInfo("dotnet", "TeamWiki.Web.dll --urls http://127.0.0.1:0")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["TeamWiki__DataDirectory"] = dataDirectory;
            psi.Environment["TeamWiki__Bootstrap__AdminEmail"] = "crash@example.org";
            psi.Environment["TeamWiki__Bootstrap__AdminPassword"] = "Crash-Passw0rd";
            psi.Environment["TeamWiki__Bootstrap__ApiToken"] = Token;
            psi.Environment["Logging__LogLevel__Default"] = "Warning";
            psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            var process = Process.Start(psi)!;
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
                {
                    listening.TrySetResult(new Uri(m.Groups[1].Value));
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new ChildServer(process, address);
        }

        public HttpClient Client()
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(20) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            return client;
        }

        /// <summary>SIGKILL: no shutdown code runs.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex Listening();
    }
}
