using System.Net;
using System.Net.Http.Json;
using System.Text;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

public class TaskCheckboxApiTests(CheckboxFixture fx) : IClassFixture<CheckboxFixture>
{
    private const string Description = "Voorbereiding:\n\n```\n- [ ] geen vinkje\n```\n\n- [ ] zaal boeken\n- [x] agenda sturen\n- [ ] notulen\n";

    private readonly HttpClient _admin = fx.Admin;

    [Fact]
    public async Task ATickChangesOnlyThatItemOfTheChecklist()
    {
        var (key, revision) = await CreateAsync();

        var response = await TickAsync(_admin, key, new { index = 2, @checked = true, baseRevision = revision });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.Equal(key, answer.Str("key"));
        Assert.False(answer.GetProperty("merged").GetBoolean());
        Assert.True(answer.GetProperty("checked").GetBoolean());
        var task = await (await _admin.GetAsync($"/api/tasks/{key}")).ReadJsonAsync();
        Assert.Equal(Description.Replace("- [ ] notulen", "- [x] notulen"), task.Str("description"));
        Assert.Equal(answer.Str("revision"), task.Str("revision"));
        Assert.Equal(2, task.GetProperty("checklistDone").GetInt32());
    }

    [Fact]
    public async Task ATickFromAnOlderRevisionIsMergedWithAChangeOfAnotherField()
    {
        var (key, revision) = await CreateAsync();
        (await _admin.PatchAsJsonAsync($"/api/tasks/{key}", new { title = "Overleg (verzet)", baseRevision = revision })).EnsureSuccessStatusCode();

        var response = await TickAsync(_admin, key, new { index = 0, @checked = true, baseRevision = revision });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("merged").GetBoolean());
        var task = await (await _admin.GetAsync($"/api/tasks/{key}")).ReadJsonAsync();
        Assert.Equal("Overleg (verzet)", task.Str("title"));
        Assert.Equal(Description.Replace("- [ ] zaal", "- [x] zaal"), task.Str("description"));
    }

    [Fact]
    public async Task ATickOnAnItemSomeoneElseRewroteIs409AndWritesNothing()
    {
        var (key, revision) = await CreateAsync();
        (await _admin.PatchAsJsonAsync($"/api/tasks/{key}", new { description = Description.Replace("zaal boeken", "grote zaal boeken"), baseRevision = revision })).EnsureSuccessStatusCode();
        var head = await HeadAsync();

        var response = await TickAsync(_admin, key, new { index = 0, @checked = true, baseRevision = revision });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    [Theory]
    [InlineData("""{"index":3,"checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":-1,"checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":0,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":0,"checked":true}""", 400)]
    [InlineData("""{"index":"nul","checked":true,"baseRevision":"{rev}"}""", 400)]
    [InlineData("""{"index":0,"checked":true,"baseRevision":"0000000000000000000000000000000000000000"}""", 404)]
    public async Task BadInputIsRefusedWithAReasonAndWritesNothing(string body, int expected)
    {
        var (key, revision) = await CreateAsync();
        var head = await HeadAsync();

        var response = await _admin.PostAsync($"/api/tasks/{key}/checkbox", new StringContent(body.Replace("{rev}", revision), Encoding.UTF8, "application/json"));

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task AGuestWhoMayChangeTasksTicksButNobodyTicksInAnArchivedSpaceAndAnOutsiderGetsTheSame404AsForAMissingTask()
    {
        var (key, revision) = await CreateAsync();
        var guest = await TickAsync(fx.Guest, key, new { index = 0, @checked = true, baseRevision = revision });
        Assert.Equal(HttpStatusCode.OK, guest.StatusCode);

        (await _admin.PostAsJsonAsync("/api/spaces", new { key = "oud-archief", name = "Oud archief", visibility = "internal", taskPrefix = "OA" })).EnsureSuccessStatusCode();
        var (archived, archivedRevision) = await CreateAsync("oud-archief");
        (await _admin.PatchAsJsonAsync("/api/spaces/oud-archief", new { archived = true })).EnsureSuccessStatusCode();
        var head = await HeadAsync();
        var body = new { index = 0, @checked = true, baseRevision = revision };

        var readOnly = await TickAsync(_admin, archived, body with { baseRevision = archivedRevision });
        var outsider = await TickAsync(fx.Outsider, key, body);
        var missing = await TickAsync(_admin, "VK-9999", body);

        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await missing.ReadJsonAsync()).Str("title"), (await outsider.ReadJsonAsync()).Str("title"));
        Assert.Equal(head, await HeadAsync());
    }

    private async Task<(string Key, string Revision)> CreateAsync(string space = "vinkjes")
    {
        var created = await _admin.PostAsJsonAsync($"/api/spaces/{space}/tasks", new { title = "Overleg", description = Description });
        created.EnsureSuccessStatusCode();
        var key = (await created.ReadJsonAsync()).Str("key");
        var read = await (await _admin.GetAsync($"/api/tasks/{key}")).ReadJsonAsync();
        return (key, read.Str("revision"));
    }

    private static Task<HttpResponseMessage> TickAsync(HttpClient client, string key, object body) =>
        client.PostAsJsonAsync($"/api/tasks/{key}/checkbox", body);

    private async Task<string> HeadAsync() => (await (await _admin.GetAsync("/health")).ReadJsonAsync()).Str("head");
}
