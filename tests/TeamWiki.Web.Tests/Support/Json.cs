using System.Net.Http.Json;
using System.Text.Json;

namespace TeamWiki.Web.Tests.Support;

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"{(int)response.StatusCode}: empty body");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PutPageAsync(this HttpClient client, string path, string markdown, string? baseRevision = null, string? message = null) =>
        client.PutAsJsonAsync($"/api/pages/{path}", new { markdown, baseRevision, message });

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
