using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TeamWiki.Storage.Git;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Hosting;

/// <summary>
/// The real server as a child process, killed with SIGKILL while four writers save as fast as they can
/// (twice). Afterwards git fsck is clean, every acknowledged save is in the branch's history, each page
/// holds its last acknowledged text or a later one, and the server starts again on the same data.
/// </summary>
public partial class CrashSafetyTests
{
    private const string Token = "tw_crash_test_token_0123456789abcdef";
    private const int Writers = 4;
    private const int SavesBeforeTheKill = 5;

    [Fact]
    public async Task KillingTheServerMidSaveLosesNoAcknowledgedSaveAndLeavesGitConsistent()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-crash", Guid.NewGuid().ToString("n"));
        var acknowledged = new ConcurrentBag<Save>();
        var sent = new ConcurrentDictionary<string, Save>();
        var refused = new ConcurrentBag<string>();
        try
        {
            for (var round = 0; round < 2; round++)
            {
                using var server = await ChildServer.StartAsync(data);
                using var stop = new CancellationTokenSource();
                var acknowledgedThisRound = new int[Writers];
                var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                {
                    using var http = server.Client();
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var save = new Save($"handboek/crash-{w}", round, w, i);
                        sent[save.Line] = save;
                        try
                        {
                            var response = await http.PutAsJsonAsync($"/api/pages/{save.Page}", new { markdown = $"# Crash {w}\n\n{save.Line}\n" });
                            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
                            {
                                var body = await response.Content.ReadFromJsonAsync<Saved>();
                                acknowledged.Add(save with { Revision = body!.Revision });
                                Interlocked.Increment(ref acknowledgedThisRound[w]);
                            }
                            else
                            {
                                refused.Add($"{save.Line}: {(int)response.StatusCode}");
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return;
                        }
                    }
                })).ToArray();

                // Kill while all four are still saving, once each has had saves acknowledged in this round.
                await Eventually.UntilAsync(
                    () => Task.FromResult(acknowledgedThisRound.Min()),
                    least => least >= SavesBeforeTheKill || writers.Any(t => t.IsCompleted),
                    $"every writer to have {SavesBeforeTheKill} acknowledged saves in round {round}");
                Assert.DoesNotContain(writers, t => t.IsCompleted);
                server.Kill();
                stop.Cancel();
                await Task.WhenAll(writers);
            }

            Assert.Empty(refused);
            var gitDir = Path.Combine(data, "wiki.git");
            using (GitContentRepository.OpenOrCreate(gitDir))
            {
                // Opening removes a lock file a killed writer may have left behind.
            }

            var fsck = Git("fsck --full --strict", gitDir);
            Assert.DoesNotMatch(FsckProblem(), fsck);
            foreach (var save in acknowledged)
            {
                Assert.Equal("", Git($"merge-base --is-ancestor {save.Revision} main", gitDir).Trim());
                Assert.Contains(save.Line, Git($"show {save.Revision}:{save.Page}.md", gitDir));
            }

            // Each page holds its last acknowledged text, or a later one that was sent but whose answer
            // was lost in the kill; never an older one.
            for (var w = 0; w < Writers; w++)
            {
                var last = acknowledged.Where(a => a.Writer == w).MaxBy(a => a.Order)!;
                var headText = Git($"show main:{last.Page}.md", gitDir);
                var held = sent.Values.SingleOrDefault(s => s.Writer == w && headText.Contains(s.Line + "\n", StringComparison.Ordinal));
                Assert.True(held is not null, $"{last.Page} holds text no writer sent: {headText}");
                Assert.True(held.Order >= last.Order, $"{last.Page} holds '{held.Line}', older than the acknowledged '{last.Line}'");
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

    /// <summary>One save a writer sent; <see cref="Order"/> is its place among that writer's saves.</summary>
    private sealed record Save(string Page, int Round, int Writer, int Number, string Revision = "")
    {
        public string Line => $"ronde {Round} schrijver {Writer} opslag {Number}";

        public long Order => Round * 1_000_000L + Number;
    }

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
