namespace TeamWiki.Web.Hosting;

/// <summary>
/// <c>dotnet TeamWiki.Web.dll --health-check</c>: asks the running server's <c>/health</c> and exits 0 or 1.
/// The container image has no curl; this lets its HEALTHCHECK use the app itself.
/// </summary>
public static class HealthProbe
{
    /// <summary>Runs the probe when asked for and returns the exit code; null otherwise.</summary>
    public static async Task<int?> RunIfRequestedAsync(string[] args)
    {
        if (!args.Contains("--health-check"))
        {
            return null;
        }

        var url = Environment.GetEnvironmentVariable("TEAMWIKI_HEALTH_URL") ?? "http://127.0.0.1:8080/health";
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
