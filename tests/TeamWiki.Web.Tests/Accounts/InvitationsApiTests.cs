using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TeamWiki.Web.Tests.Support;
using static TeamWiki.Web.Tests.Accounts.AccountsTestUsers;

namespace TeamWiki.Web.Tests.Accounts;

/// <summary>A private space "klantportaal" with an owner and a member; a staff member outside it.</summary>
public sealed class InvitationsFixture : IAsyncLifetime
{
    public TeamWikiFactory Server { get; } = new();

    public HttpClient Owner { get; private set; } = default!;

    public HttpClient Member { get; private set; } = default!;

    public HttpClient Outsider { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        (Owner, _, _) = await UserAsync(Server, "portaaleigenaar");
        (Member, _, _) = await UserAsync(Server, "portaallid");
        (Outsider, _, _) = await UserAsync(Server, "buitenstaander");
        (await Owner.PostAsJsonAsync("/api/spaces", new { key = "klantportaal", name = "Klantportaal", visibility = "private", taskPrefix = "KP" })).EnsureSuccessStatusCode();
        (await Owner.PutAsJsonAsync("/api/spaces/klantportaal/members/portaallid@example.org", new { role = "member" })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class InvitationsApiTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    private TeamWikiFactory Server => fixture.Server;

    [Fact]
    public async Task AnInviteeChoosesAPasswordWithTheLinkWhichThenNoLongerWorks()
    {
        var made = await Server.AdminClient().PostAsJsonAsync("/api/invitations", new { email = "nieuwe.collega@example.org", name = "Nieuwe Collega" });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var answer = await made.ReadJsonAsync();
        var link = answer.Str("link");
        Assert.StartsWith(Server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/account/invitation?token=", link);
        Assert.False(answer.GetProperty("emailed").GetBoolean());
        Assert.InRange(answer.GetProperty("expires").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(6), DateTimeOffset.UtcNow.AddDays(8));
        Assert.Contains("nieuwe.collega@example.org", await PendingEmailsAsync(Server.AdminClient()));

        var invitee = new BrowserSession(Server.BaseAddress);
        var accepted = await AcceptAsync(invitee, link, "Zelf-gekozen-1");

        Assert.Equal(HttpStatusCode.Found, accepted.StatusCode);
        Assert.True(invitee.HasSignInCookie);
        Assert.True(await SignsInAsync(Server, "nieuwe.collega@example.org", "Zelf-gekozen-1"));
        Assert.DoesNotContain("nieuwe.collega@example.org", await PendingEmailsAsync(Server.AdminClient()));
        var page = await new BrowserSession(Server.BaseAddress).Client.GetStringAsync(PathOf(link));
        Assert.Contains("invitation-invalid", page);
        Assert.DoesNotContain("invitation-password", page);
    }

    [Fact]
    public async Task ASpaceOwnerInvitesAGuestWhoSeesThatSpace()
    {
        var made = await fixture.Owner.PostAsJsonAsync("/api/invitations", new { email = "klant@klant.example", name = "Klaas Klant", space = "klantportaal" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        var pending = await (await fixture.Owner.GetAsync("/api/invitations")).ReadJsonAsync();
        var mine = Assert.Single(pending.EnumerateArray(), i => i.Str("email") == "klant@klant.example");
        Assert.Equal("guest", mine.Str("role"));
        Assert.Equal("klantportaal", mine.Str("space"));

        var guest = new BrowserSession(Server.BaseAddress);
        var accepted = await AcceptAsync(guest, (await made.ReadJsonAsync()).Str("link"), "Klant-wachtwoord-1");
        Assert.Equal("/wiki/klantportaal", accepted.Headers.Location?.AbsolutePath);

        var spaces = await (await guest.Client.GetAsync("/api/spaces")).ReadJsonAsync();
        Assert.Equal(["klantportaal"], spaces.EnumerateArray().Select(s => s.Str("key")));
        var people = await (await Server.AdminClient().GetAsync("/api/users")).ReadJsonAsync();
        Assert.Single(people.EnumerateArray(), u => u.Str("email") == "klant@klant.example");
    }

    [Theory]
    [InlineData("member", """{"email":"a1@example.org","space":"klantportaal","role":"member"}""", 403)]
    [InlineData("owner", """{"email":"a2@example.org","space":"klantportaal","role":"owner"}""", 403)]
    [InlineData("owner", """{"email":"a3@example.org"}""", 403)]
    [InlineData("member", """{"email":"a4@example.org","space":"klantportaal"}""", 403)]
    [InlineData("outsider", """{"email":"a5@example.org","space":"klantportaal"}""", 404)]
    [InlineData("owner", """{"email":"a6@example.org","space":"nergens"}""", 404)]
    [InlineData("admin", """{"email":"geen-adres"}""", 400)]
    [InlineData("admin", """{"email":"a9@"}""", 400)]
    [InlineData("admin", """{"email":"Aap <a0@example.org>"}""", 400)]
    [InlineData("admin", """{"email":"a7@example.org","role":"member"}""", 400)]
    [InlineData("admin", """{"email":"a8@example.org","space":"klantportaal","role":"baas"}""", 400)]
    [InlineData("admin", """{"email":"portaallid@example.org"}""", 409)]
    [InlineData("admin", "[1,2]", 400)]
    public async Task AnInvitationThatMayNotBeMadeIsRefusedAndNothingIsStored(string who, string body, int status)
    {
        var client = who switch
        {
            "admin" => Server.AdminClient(),
            "owner" => fixture.Owner,
            "member" => fixture.Member,
            _ => fixture.Outsider,
        };

        var response = await client.PostAsync("/api/invitations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var emails = await PendingEmailsAsync(Server.AdminClient());
        Assert.DoesNotContain(emails, e => e.Length <= "a1@example.org".Length && e.StartsWith('a') && e[1] is >= '0' and <= '9');
    }

    [Fact]
    public async Task ASecondInvitationForAPendingAddressIs409UntilTheFirstIsRevoked()
    {
        var admin = Server.AdminClient();
        var first = await (await admin.PostAsJsonAsync("/api/invitations", new { email = "dubbel@example.org" })).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/invitations", new { email = "DUBBEL@example.org" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/invitations/{first.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/invitations/{first.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/invitations/geen-id")).StatusCode);
        var page = await new BrowserSession(Server.BaseAddress).Client.GetStringAsync(PathOf(first.Str("link")));
        Assert.Contains("invitation-invalid", page);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/invitations", new { email = "dubbel@example.org" })).StatusCode);
    }

    [Fact]
    public async Task OthersSeeAndRevokeOnlyInvitationsIntoSpacesTheyManage()
    {
        var staff = await (await Server.AdminClient().PostAsJsonAsync("/api/invitations", new { email = "personeel@example.org" })).ReadJsonAsync();
        var guest = await (await fixture.Owner.PostAsJsonAsync("/api/invitations", new { email = "gastje@klant.example", space = "klantportaal" })).ReadJsonAsync();

        Assert.DoesNotContain("personeel@example.org", await PendingEmailsAsync(fixture.Owner));
        Assert.Contains("gastje@klant.example", await PendingEmailsAsync(fixture.Owner));
        Assert.Empty(await PendingEmailsAsync(fixture.Member));
        Assert.Empty(await PendingEmailsAsync(fixture.Outsider));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Owner.DeleteAsync($"/api/invitations/{staff.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Member.DeleteAsync($"/api/invitations/{guest.Str("id")}")).StatusCode);
        Assert.Contains("personeel@example.org", await PendingEmailsAsync(Server.AdminClient()));
        Assert.Contains("gastje@klant.example", await PendingEmailsAsync(Server.AdminClient()));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Owner.DeleteAsync($"/api/invitations/{guest.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task ALinkSubmittedTwiceAtOnceMakesOneAccount()
    {
        var link = (await (await Server.AdminClient().PostAsJsonAsync("/api/invitations", new { email = "tweeklik@example.org" })).ReadJsonAsync()).Str("link");
        var sessions = Enumerable.Range(0, 4).Select(_ => new BrowserSession(Server.BaseAddress)).ToList();
        var forms = new List<Dictionary<string, string>>();
        foreach (var session in sessions)
        {
            var fields = await session.FormFieldsAsync(PathOf(link), "accept-invitation");
            fields["Input.Password"] = "Twee-keer-klik-" + forms.Count;
            forms.Add(fields);
        }

        await AtOnce.AtOnceAsync(sessions.Count, i =>
            sessions[i].Client.SendAsync(sessions[i].SameOrigin(HttpMethod.Post, PathOf(link), new FormUrlEncodedContent(forms[i]))));

        Assert.Single(sessions, s => s.HasSignInCookie);
        var users = await (await Server.AdminClient().GetAsync("/api/users")).ReadJsonAsync();
        Assert.Single(users.EnumerateArray(), u => u.Str("email") == "tweeklik@example.org");
    }

    [Fact]
    public async Task AWeakPasswordLeavesTheInvitationWorking()
    {
        var link = (await (await Server.AdminClient().PostAsJsonAsync("/api/invitations", new { email = "zwakjes@example.org" })).ReadJsonAsync()).Str("link");

        var weak = await AcceptAsync(new BrowserSession(Server.BaseAddress), link, "kort");

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("invitation-errors", await weak.Content.ReadAsStringAsync());
        Assert.Contains("zwakjes@example.org", await PendingEmailsAsync(Server.AdminClient()));
        Assert.Equal(HttpStatusCode.Found, (await AcceptAsync(new BrowserSession(Server.BaseAddress), link, "Lang-genoeg-1")).StatusCode);
    }

    private static async Task<List<string>> PendingEmailsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/invitations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().Select(i => i.Str("email")).ToList();
    }

    private static async Task<HttpResponseMessage> AcceptAsync(BrowserSession session, string link, string password)
    {
        var fields = await session.FormFieldsAsync(PathOf(link), "accept-invitation");
        fields["Input.Password"] = password;
        return await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, PathOf(link), new FormUrlEncodedContent(fields)));
    }
}
