using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace TeamWiki.Bench;

/// <summary>wrk with 2 threads and 8 connections (the peers harness's setting), and the static-file baseline.</summary>
public static partial class GrowthWrk
{
    public sealed record Result(double RequestsPerSecond, string P50);

    /// <summary>A wrk script cycling through <paramref name="urls"/>.</summary>
    public static string Script(string folder, string name, IEnumerable<string> urls)
    {
        var file = Path.Combine(folder, name + ".lua");
        File.WriteAllText(file, "paths = {" + string.Join(",", urls.Select(u => $"\"{u}\"")) + "}\n" + """
            counter = 0
            function setup(thread)
              thread:set("offset", counter)
              counter = counter + 1
            end
            function init(args)
              i = offset
            end
            request = function()
              local path = paths[(i % #paths) + 1]
              i = i + 2
              return wrk.format("GET", path)
            end
            """);
        return file;
    }

    public static Result Run(Uri address, string? script, string? cookie, int seconds, string path = "")
    {
        var header = cookie is null ? "" : $"-H \"Cookie: {cookie}\"";
        var scriptArgument = script is null ? "" : $"-s \"{script}\"";
        var output = BenchCorpus.Run("wrk", $"-t2 -c8 -d{seconds}s --latency {header} {scriptArgument} {address}{path.TrimStart('/')}");
        if (Non2xx().IsMatch(output))
        {
            throw new InvalidOperationException("wrk saw errors: " + output);
        }

        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p50 = Regex.Match(output, @"^\s*50%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
        return new Result(rps, p50);
    }

    /// <summary>Kestrel (Production, no logging) serving one static file of <paramref name="bytes"/> bytes, measured with the same wrk.</summary>
    public static async Task<Result> StaticAsync(string folder, int bytes, int seconds)
    {
        var root = Path.Combine(folder, "static");
        Directory.CreateDirectory(root);
        await File.WriteAllBytesAsync(Path.Combine(root, "page.html"), Enumerable.Range(0, bytes).Select(i => (byte)('a' + i % 26)).ToArray());
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder, WebRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        await app.StartAsync();
        try
        {
            return Run(new Uri($"http://127.0.0.1:{port}/"), null, null, seconds, "/page.html");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
