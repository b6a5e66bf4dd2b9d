using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// Who may do what, cell by cell: owner, member, guest, staff who are not members, guests from
/// elsewhere and visitors without credentials, against reading and writing pages, tasks and
/// documents, searching and listing spaces, in a private and in an internal space.
/// </summary>
public class AuthorisationMatrixTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    // Expected answers: a status code, or for search/list "seen"/"hidden".
    public static TheoryData<string, string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string, string>();
        void Row(string space, string who, params string[] expected)
        {
            string[] operations = ["read-page", "write-page", "read-tasks", "write-task", "read-documents", "write-document", "search", "list"];
            for (var i = 0; i < operations.Length; i++)
            {
                data.Add(space, who, operations[i], expected[i]);
            }
        }

        Row("geheim", "owner", "200", "200", "200", "201", "200", "201", "seen", "seen");
        Row("geheim", "member", "200", "200", "200", "201", "200", "201", "seen", "seen");
        Row("geheim", "guest", "200", "403", "200", "201", "200", "403", "seen", "seen");
        Row("geheim", "outsider", "404", "404", "404", "404", "404", "404", "hidden", "hidden");
        Row("geheim", "otherguest", "404", "404", "404", "404", "404", "404", "hidden", "hidden");
        Row("geheim", "anonymous", "401", "401", "401", "401", "401", "401", "401", "401");
        Row("handboek", "outsider", "200", "200", "200", "201", "200", "201", "seen", "seen");
        Row("handboek", "guest", "404", "404", "404", "404", "404", "404", "hidden", "hidden");
        Row("handboek", "anonymous", "401", "401", "401", "401", "401", "401", "401", "401");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EveryCellOfTheMatrixHolds(string space, string who, string operation, string expected)
    {
        if (expected is "hidden" or "404")
        {
            // Positive control: someone allowed finds the very same thing first. Without it, "hidden"
            // would also pass on an index that is merely behind, or a space that was never made.
            await SomeoneAllowedFindsItAsync(space, operation);
        }

        var response = await RequestAsync(fixture.Clients[who], space, who, operation);

        if (operation is "search" or "list" && expected != "401")
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var seen = Sees(body, space, operation);
            Assert.True((expected == "seen") == seen, $"{who} {operation} {space}: expected {expected}");
            return;
        }

        Assert.True(((int)response.StatusCode).ToString() == expected, $"{who} {operation} {space}: expected {expected}, got {(int)response.StatusCode}");
    }

    /// <summary>The owner of geheim, or staff for the internal handboek, gets what the cell hides from someone else.</summary>
    private async Task SomeoneAllowedFindsItAsync(string space, string operation)
    {
        var allowed = fixture.Clients[space == "geheim" ? "owner" : "outsider"];
        if (operation is "search" or "list")
        {
            await AccessFixture.Eventually(
                async () => Sees(await (await RequestAsync(allowed, space, "control", operation)).Content.ReadAsStringAsync(), space, operation),
                $"an allowed reader to find {PageIn(space)} by {operation}");
            return;
        }

        var read = operation.Replace("write-", "read-").Replace("-task", "-tasks").Replace("-document", "-documents");
        var control = await RequestAsync(allowed, space, "control", read);
        Assert.True(control.StatusCode == HttpStatusCode.OK, $"positive control {read} in {space}: got {(int)control.StatusCode}");
    }

    private static string PageIn(string space) => space == "geheim" ? "geheim/plan" : "handboek/open-plan";

    private static bool Sees(string body, string space, string operation) =>
        operation == "search" ? body.Contains($"\"{PageIn(space)}\"") : body.Contains($"\"key\":\"{space}\"");

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string space, string who, string operation)
    {
        var page = PageIn(space);
        var word = space == "geheim" ? AccessFixture.SecretWord : "stormvogelplan";
        return operation switch
        {
            "read-page" => await client.GetAsync($"/api/pages/{page}"),
            "write-page" => await client.PutAsJsonAsync($"/api/pages/{page}", new { markdown = $"---\ntitle: Plan\n---\n\nHet {word}-plan, door {who}.\n" }),
            "read-tasks" => await client.GetAsync($"/api/spaces/{space}/tasks"),
            "write-task" => await client.PostAsJsonAsync($"/api/spaces/{space}/tasks", new { title = $"Taak van {who}" }),
            "read-documents" => await client.GetAsync($"/api/spaces/{space}/documents"),
            "write-document" => await client.PostAsync($"/api/spaces/{space}/documents", TextFile($"notitie-{who}.txt", $"Notitie van {who}")),
            "search" => await client.GetAsync($"/api/search?q={word}"),
            _ => await client.GetAsync("/api/spaces"),
        };
    }

    [Fact]
    public async Task GuestsSeeNoUsersAndNoOtherSpacesFiles()
    {
        var guest = fixture.Clients["guest"];
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/files/handboek/_media/onboarding-tijdlijn.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/api/tree?space=handboek")).StatusCode);
        // Positive controls: staff do get these, so the guest's empty answers are not an empty wiki.
        var staffSuggestions = await (await fixture.Clients["outsider"].GetAsync("/api/search/suggest?q=wacht")).ReadJsonAsync();
        Assert.NotEqual(0, staffSuggestions.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Clients["outsider"].GetAsync("/files/handboek/_media/onboarding-tijdlijn.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Clients["outsider"].GetAsync("/api/tree?space=handboek")).StatusCode);
        var suggestions = await (await guest.GetAsync("/api/search/suggest?q=wacht")).Content.ReadAsStringAsync();
        Assert.Equal("[]", suggestions);
        var spaces = await (await guest.GetAsync("/api/spaces")).ReadJsonAsync();
        Assert.Equal(["geheim"], spaces.EnumerateArray().Select(s => s.Str("key")));
    }

    [Fact]
    public async Task OnlyOwnersManageMembersAndTheLastOwnerStays()
    {
        var member = fixture.Clients["member"];
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync("/api/spaces/geheim/members/outsider", new { role = "member" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PatchAsJsonAsync("/api/spaces/geheim", new { name = "Gekaapt" })).StatusCode);
        var owner = fixture.Clients["owner"];
        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync("/api/spaces/geheim/members/owner")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync("/api/spaces/geheim/members/guest", new { role = "owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutAsJsonAsync("/api/spaces/geheim/members/member", new { role = "koning" })).StatusCode);
        var members = await (await owner.GetAsync("/api/spaces/GEHEIM/members")).ReadJsonAsync();
        Assert.Equal(["guest", "member", "owner"], members.EnumerateArray().Select(m => m.Str("role")).Order());
    }

    [Fact]
    public async Task GuestsCannotCreateSpaces()
    {
        var response = await fixture.Clients["guest"].PostAsJsonAsync("/api/spaces", new { name = "Van de gast" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static MultipartFormDataContent TextFile(string name, string text)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", name);
        return content;
    }
}
