using System.Text.Json;

namespace TeamWiki.Web.Tests.Support;

/// <summary>The search index follows commits in the background: tests wait for it, and fail loudly when it never catches up.</summary>
public static class IndexWaits
{
    /// <summary>Waits until <c>/health</c> reports the index at the branch head.</summary>
    public static Task WaitUntilIndexedAsync(this HttpClient client, TimeSpan? deadline = null) =>
        Eventually.UntilAsync(
            async () => await (await client.GetAsync("/health")).ReadJsonAsync(),
            health => health.GetProperty("head").GetString() == health.GetProperty("indexedCommit").GetString(),
            "the search index to reach the branch head",
            deadline);

    /// <summary>Searches until <paramref name="path"/> is among the hits, and returns that answer.</summary>
    public static Task<JsonElement> SearchUntilFoundAsync(this HttpClient client, string query, string path, TimeSpan? deadline = null) =>
        Eventually.UntilAsync(
            async () => await (await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query))).ReadJsonAsync(),
            results => results.GetProperty("items").EnumerateArray().Any(i => i.Str("path") == path),
            $"a search for '{query}' to find {path}",
            deadline);
}
