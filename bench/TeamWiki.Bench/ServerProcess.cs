using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TeamWiki.Bench;

/// <summary>The wiki as a separate process (Release build, Production settings) on a free loopback port.</summary>
public sealed partial class ServerProcess : IDisposable
{
    public const string AdminEmail = "bench@example.org";
    public const string AdminPassword = "Bench-Passw0rd";
    public const string Token = "tw_bench_token_0123456789abcdef";

    private readonly Process _process;

    private ServerProcess(Process process, Uri address, TimeSpan startup)
    {
        _process = process;
        Address = address;
        Startup = startup;
    }

    public Uri Address { get; }

    /// <summary>
    /// The folder <c>TeamWiki.Web.dll</c> runs from: the bench's own output (the plain Release build), or a
    /// published one (<c>--server-dir</c>: <c>dotnet publish -r linux-x64</c>, ReadyToRun, as a deployment runs it).
    /// </summary>
    public static string ServerDirectory { get; set; } = AppContext.BaseDirectory;

    /// <summary>From process start to "Now listening".</summary>
    public TimeSpan Startup { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, string? seedFrom, int port = 0, IReadOnlyDictionary<string, string>? environment = null, bool echo = false)
    {
        var psi = new ProcessStartInfo("dotnet", $"TeamWiki.Web.dll --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = ServerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["TeamWiki__DataDirectory"] = dataDirectory;
        psi.Environment["TeamWiki__Bootstrap__AdminEmail"] = AdminEmail;
        psi.Environment["TeamWiki__Bootstrap__AdminPassword"] = AdminPassword;
        psi.Environment["TeamWiki__Bootstrap__ApiToken"] = Token;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        if (seedFrom is not null)
        {
            psi.Environment["TeamWiki__SampleContentDirectory"] = seedFrom;
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }

            if (echo && e.Data is { Length: > 0 } shown)
            {
                Console.WriteLine($"server {watch.Elapsed.TotalSeconds,6:0.000}: {shown}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("server: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(10));
        return new ServerProcess(process, address, watch.Elapsed);
    }

    /// <summary>Waits until the search index has caught up with the repository.</summary>
    public async Task WaitUntilIndexedAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var health = JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement;
            if (health.GetProperty("head").GetString() == health.GetProperty("indexedCommit").GetString())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The index did not catch up");
    }

    /// <summary>Signs in through the login form and returns the cookie header value.</summary>
    public async Task<string> SignInAsync()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };
        var form = await http.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
        }

        return cookies.GetCookieHeader(Address);
    }

    /// <summary>The server's resident memory now and its peak so far (Linux: VmRSS and VmHWM of /proc/pid/status), in bytes.</summary>
    public (long Now, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return (Kb("VmRSS"), Kb("VmHWM"));
    }

    /// <summary>The CPU time the server process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

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
        // Disposed early to restart the server, then again at the end of its scope.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        _process.Dispose();
    }

    private bool _disposed;

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
