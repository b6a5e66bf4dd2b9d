using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// Every route the app serves, API and pages alike, taken from its own endpoint list: each route that
/// names a space, page, task, document, post, comment, person or photo answers a guest of another space
/// exactly as it answers for something that does not exist (404, nothing named), a visitor without
/// credentials 401 (the sign-in page for HTML), and someone who may read it 200. A route added without a
/// line here fails <see cref="EveryRouteIsCoveredHere"/>.
/// </summary>
public partial class EveryRouteTests(RouteFixture fx) : IClassFixture<RouteFixture>
{
    /// <summary>How to call a route, and what its reader gets.</summary>
    /// <param name="Url">The request, with {space}, {path}, {task}, {document}, {post}, {reply}, {comment}, {person}, {userId}, {oldRevision}, {newRevision}.</param>
    /// <param name="Reader">Who may see it (reads only: writes by those allowed are proven by the API tests of each area).</param>
    /// <param name="ReaderStatus">What the reader gets.</param>
    /// <param name="StrangerStatus">What the guest from elsewhere gets: 404 unless the route is closed to them whatever it names.</param>
    /// <param name="Body">A well-formed JSON body for writes ("upload": a file), so that validation cannot answer before authorisation.</param>
    public sealed record Call(string Url, string Reader = "eigenaar", int ReaderStatus = 200, int StrangerStatus = 404, string? Body = null);

    /// <summary>Routes that name something, by "METHOD pattern" as the endpoint list spells it.</summary>
    private static readonly Dictionary<string, Call> Naming = new()
    {
        // Pages (HTML).
        ["GET /wiki/{*Path}"] = new("/wiki/{path}"),
        ["GET /edit/{*Path}"] = new("/edit/{path}"),
        ["GET /history/{*Path}"] = new("/history/{path}"),
        ["GET /diff/{*Path}"] = new("/diff/{path}?from={oldRevision}&to={newRevision}"),
        ["GET /move/{*Path}"] = new("/move/{path}"),
        ["GET /delete/{*Path}"] = new("/delete/{path}"),
        ["GET /revert/{*Path}"] = new("/revert/{path}?revision={oldRevision}"),
        ["GET /files/{**path}"] = new("/files/{path}.md"),
        // The form for a new page ignores a space the caller may not write to: the same empty form as for no space.
        ["GET /new"] = new("/new?space={space}", StrangerStatus: 200),
        // Spaces, tasks, documents, conversation, people (HTML).
        ["GET /spaces/{Key}/board"] = new("/spaces/{space}/board"),
        ["GET /spaces/{Key}/documents"] = new("/spaces/{space}/documents"),
        ["GET /spaces/{Key}/settings"] = new("/spaces/{space}/settings"),
        ["GET /spaces/{Key}/tasks"] = new("/spaces/{space}/tasks"),
        ["GET /spaces/{Key}/tasks/new"] = new("/spaces/{space}/tasks/new"),
        ["GET /spaces/{Key}/activity"] = new("/spaces/{space}/activity"),
        ["GET /spaces/{Key}/discussions"] = new("/spaces/{space}/discussions"),
        ["GET /spaces/{Key}/insights"] = new("/spaces/{space}/insights"),
        ["GET /spaces/{Key}/trash"] = new("/spaces/{space}/trash"),
        ["GET /tasks/{TaskKey}"] = new("/tasks/{task}"),
        ["GET /tasks/{TaskKey}/edit"] = new("/tasks/{task}/edit"),
        ["GET /documents/{Id}"] = new("/documents/{document}"),
        ["GET /posts/{Id:long}"] = new("/posts/{post}"),
        ["GET /people/{Handle}"] = new("/people/{person}"),
        ["GET /people/{handle}/photo"] = new("/people/{person}/photo"),
        // Pages (API).
        ["GET /api/pages/{**path}"] = new("/api/pages/{path}"),
        ["PUT /api/pages/{**path}"] = new("/api/pages/{path}", Body: """{"markdown":"Overschreven."}"""),
        ["POST /api/pages/{**path}"] = new("/api/pages/{path}/move", Body: """{"to":"{space}/elders"}"""),
        ["DELETE /api/pages/{**path}"] = new("/api/pages/{path}"),
        ["GET /api/trash"] = new("/api/trash?space={space}"),
        // Spaces (API).
        ["GET /api/spaces/{key}"] = new("/api/spaces/{space}"),
        ["PATCH /api/spaces/{key}"] = new("/api/spaces/{space}", Body: """{"name":"Overgenomen"}"""),
        ["GET /api/spaces/{key}/members"] = new("/api/spaces/{space}/members"),
        ["GET /api/spaces/{key}/members/{user}"] = new("/api/spaces/{space}/members/{person}"),
        ["PUT /api/spaces/{key}/members/{user}"] = new("/api/spaces/{space}/members/vreemdegast@example.org", Body: """{"role":"owner"}"""),
        ["DELETE /api/spaces/{key}/members/{user}"] = new("/api/spaces/{space}/members/{person}"),
        ["POST /api/spaces/{key}/guests"] = new("/api/spaces/{space}/guests", Body: """{"email":"nieuw@example.org","name":"Nieuw","password":"Wachtwoord-123"}"""),
        // Tasks (API).
        ["GET /api/spaces/{space}/tasks"] = new("/api/spaces/{space}/tasks"),
        ["POST /api/spaces/{space}/tasks"] = new("/api/spaces/{space}/tasks", Body: """{"title":"Ingebroken"}"""),
        ["GET /api/tasks/{key}"] = new("/api/tasks/{task}"),
        ["PATCH /api/tasks/{key}"] = new("/api/tasks/{task}", Body: """{"title":"Ingebroken"}"""),
        ["DELETE /api/tasks/{key}"] = new("/api/tasks/{task}"),
        ["GET /api/tasks/{key}/history"] = new("/api/tasks/{task}/history"),
        ["POST /api/tasks/{key}/checkbox"] = new("/api/tasks/{task}/checkbox", Body: """{"index":0,"checked":true,"baseRevision":"{newRevision}"}"""),
        // Documents (API).
        ["GET /api/spaces/{space}/documents"] = new("/api/spaces/{space}/documents"),
        ["POST /api/spaces/{space}/documents"] = new("/api/spaces/{space}/documents", Body: "upload"),
        ["GET /api/documents/{id}"] = new("/api/documents/{document}"),
        ["GET /api/documents/{id}/content"] = new("/api/documents/{document}/content"),
        ["POST /api/documents/{id}/restore"] = new("/api/documents/{document}/restore", Body: """{"version":"{newRevision}"}"""),
        // Conversation (API).
        ["GET /api/spaces/{space}/posts"] = new("/api/spaces/{space}/posts"),
        ["POST /api/spaces/{space}/posts"] = new("/api/spaces/{space}/posts", Body: """{"markdown":"Ingebroken."}"""),
        ["GET /api/posts/{id:long}"] = new("/api/posts/{post}"),
        ["DELETE /api/posts/{id:long}"] = new("/api/posts/{post}"),
        ["POST /api/posts/{id:long}/replies"] = new("/api/posts/{post}/replies", Body: """{"markdown":"Ingebroken."}"""),
        ["POST /api/posts/{id:long}/answer"] = new("/api/posts/{post}/answer", Body: """{"replyId":{reply}}"""),
        ["POST /api/posts/{id:long}/reactions"] = new("/api/posts/{post}/reactions", Body: """{"emoji":"👍"}"""),
        ["DELETE /api/replies/{id:long}"] = new("/api/replies/{reply}"),
        ["GET /api/comments"] = new("/api/comments?target=page:{path}"),
        ["POST /api/comments"] = new("/api/comments?target=page:{path}", Body: """{"markdown":"Ingebroken."}"""),
        ["PATCH /api/comments/{id:long}"] = new("/api/comments/{comment}", Body: """{"markdown":"Ingebroken."}"""),
        ["DELETE /api/comments/{id:long}"] = new("/api/comments/{comment}"),
        // Watching (API): the target names a page.
        // Whether the caller watches something: "no" for what they cannot see, exactly as for what does not exist.
        ["GET /api/watches"] = new("/api/watches?target=page:{path}", StrangerStatus: 200),
        ["PUT /api/watches"] = new("/api/watches?target=page:{path}"),
        ["DELETE /api/watches"] = new("/api/watches?target=page:{path}"),
        // People (API).
        ["GET /api/people/{handle}"] = new("/api/people/{person}"),
    };

    /// <summary>Routes that name nothing a guest could be kept from, and why.</summary>
    private static readonly Dictionary<string, string> NamingNothing = new()
    {
        ["GET /"] = "the home page lists only readable spaces (ReaderVisibilityTests)",
        ["GET /account/denied"] = "a fixed message",
        ["GET /account/login"] = "the sign-in form",
        ["POST /account/logout"] = "signs the caller out",
        ["GET /account/profile"] = "the caller's own profile",
        ["GET /activity"] = "activity filtered by the reader's spaces (ReaderVisibilityTests)",
        ["GET /admin/users"] = "administrators only",
        ["GET /discussions"] = "posts filtered by the reader's spaces",
        ["GET /error"] = "the error page",
        ["GET /insights"] = "figures over the reader's spaces",
        ["GET /my-work"] = "the caller's own tasks",
        ["GET /not-found"] = "the not-found page",
        ["GET /notifications"] = "the caller's own notifications",
        ["GET /people"] = "people who share a space with the reader (ReaderVisibilityTests)",
        ["GET /search"] = "results filtered by the reader's spaces (AuthorisationMatrixTests)",
        ["GET /setup"] = "closed once an administrator exists",
        ["GET /spaces"] = "lists only readable spaces (AuthorisationMatrixTests)",
        ["GET /spaces/new"] = "a form for a new space",
        ["GET /culture"] = "sets the caller's language",
        ["GET /health"] = "names no content",
        ["GET /notifications/{id:long}/open"] = "the caller's own notifications; another's id goes to the list",
        ["GET /notifications/live"] = "the caller's own bell, over a WebSocket (BellSocketTests)",
        ["GET /api/spaces"] = "lists only readable spaces (AuthorisationMatrixTests)",
        ["POST /api/spaces"] = "creates a space",
        ["GET /api/tree"] = "the tree of readable spaces (ReaderVisibilityTests)",
        ["GET /api/search"] = "results filtered by the reader's spaces (AuthorisationMatrixTests)",
        ["GET /api/search/suggest"] = "suggestions from the reader's spaces (ReaderVisibilityTests)",
        ["GET /api/pages/suggest"] = "pages from the reader's spaces; a hidden space is 404 like a missing one (PageSuggestApiTests)",
        ["GET /api/posts"] = "posts filtered by the reader's spaces",
        ["POST /api/posts"] = "a post without a space",
        ["GET /api/notifications"] = "the caller's own notifications",
        ["POST /api/notifications/{id:long}/read"] = "the caller's own notifications (NotificationsApiTests)",
        ["POST /api/notifications/read-all"] = "the caller's own notifications",
        ["GET /api/people"] = "people who share a space with the reader (ReaderVisibilityTests)",
        ["GET /api/activity"] = "activity filtered by the reader's spaces",
        ["GET /api/insights"] = "figures over the reader's spaces",
        ["GET /api/insights.csv"] = "figures over the reader's spaces",
        ["GET /api/me"] = "the caller",
        ["GET /api/users/"] = "administrators only",
        ["POST /api/users/"] = "administrators only",
        ["POST /api/users/{id}/tokens"] = "the caller's own tokens, or an administrator's",
        ["POST /api/users/{id}/disable"] = "administrators only",
        ["POST /api/users/{id}/enable"] = "administrators only",
        ["POST /api/users/{id}/reset-link"] = "administrators only",
        ["POST /api/me/password"] = "the caller's own password",
        ["GET /account/forgot"] = "the forgotten-password form; the same answer for every address (PasswordResetTests)",
        ["GET /account/reset"] = "a form for the account the signed link names",
        ["GET /account/invitation"] = "a form for the invitation the link names",
        ["POST /api/invitations/"] = "a space the caller cannot read is 404 (InvitationsApiTests)",
        ["GET /api/invitations/"] = "invitations into spaces the caller manages (InvitationsApiTests)",
        ["DELETE /api/invitations/{id}"] = "invitations the caller may not manage are 404 (InvitationsApiTests)",
    };

    /// <summary>Values that name nothing at all, for the same requests.</summary>
    private static readonly Dictionary<string, string> Missing = new()
    {
        ["space"] = "nergens",
        ["path"] = "nergens/plan",
        ["task"] = "NG-1",
        ["document"] = "0123456789abcdef0123456789abcdef",
        ["post"] = "987654321",
        ["reply"] = "987654322",
        ["comment"] = "987654323",
        ["person"] = "niemand",
        ["userId"] = "00000000-0000-0000-0000-000000000000",
        ["oldRevision"] = "0000000000000000000000000000000000000000",
        ["newRevision"] = "0000000000000000000000000000000000000000",
    };

    /// <summary>
    /// Words only the hidden space holds, none of them in any address: none may reach the guest from
    /// elsewhere. (A 404 may repeat the address the caller typed; that tells them nothing new.)
    /// </summary>
    private static readonly string[] Secrets = ["Brandkast", "Sleutelbeheer", "Eerste versie", "Tweede versie", "Kluistaak", "Een bericht in de kluis", "Een antwoord", "Een opmerking", "Lid Kluis"];

    public static TheoryData<string> NamingRoutes() => new(Naming.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void EveryRouteIsCoveredHere()
    {
        var served = ServedRoutes();
        var uncovered = served.Where(r => !Naming.ContainsKey(r) && !NamingNothing.ContainsKey(r)).ToList();
        Assert.True(uncovered.Count == 0, "Routes without a line in EveryRouteTests: " + string.Join(", ", uncovered));

        // And nothing listed here has gone away unnoticed (a renamed route would otherwise escape).
        var gone = Naming.Keys.Concat(NamingNothing.Keys).Where(r => !served.Contains(r)).ToList();
        Assert.True(gone.Count == 0, "Listed but not served: " + string.Join(", ", gone));
    }

    [Theory]
    [MemberData(nameof(NamingRoutes))]
    public async Task AGuestOfAnotherSpaceGetsWhatANonexistentThingGets(string route)
    {
        var call = Naming[route];
        var method = route[..route.IndexOf(' ')];
        var stranger = fx.Clients["vreemdegast"];

        var missing = await SendAsync(stranger, method, Fill(call.Url, Missing), call.Body, Missing);
        var hidden = await SendAsync(stranger, method, Fill(call.Url, fx.Values), call.Body, fx.Values);

        Assert.Equal(call.StrangerStatus, (int)missing.Status);
        Assert.Equal((int)missing.Status, (int)hidden.Status);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, hidden.Body, StringComparison.Ordinal);
        }

        if (!hidden.IsHtml)
        {
            Assert.Equal(Normalise(missing.Body, Missing), Normalise(hidden.Body, fx.Values));
        }

        await NothingChangedAsync(route);
    }

    [Theory]
    [MemberData(nameof(NamingRoutes))]
    public async Task AVisitorWithoutCredentialsIsAskedToSignIn(string route)
    {
        var call = Naming[route];
        var method = route[..route.IndexOf(' ')];
        var url = Fill(call.Url, fx.Values);

        var answer = await SendAsync(fx.Clients["anoniem"], method, url, call.Body, fx.Values);

        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.Status);
            Assert.StartsWith("/account/login", answer.Location);
        }

        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, answer.Body, StringComparison.Ordinal);
        }

        await NothingChangedAsync(route);
    }

    [Theory]
    [MemberData(nameof(NamingRoutes))]
    public async Task SomeoneWhoMayReadItGetsIt(string route)
    {
        var call = Naming[route];
        var method = route[..route.IndexOf(' ')];
        if (method != "GET")
        {
            // Writes by those allowed are proven where each area is tested; here they would change the fixture.
            return;
        }

        var answer = await SendAsync(fx.Clients[call.Reader], method, Fill(call.Url, fx.Values), null, fx.Values);

        Assert.True(call.ReaderStatus == (int)answer.Status, $"{route}: {(int)answer.Status} {answer.Body[..Math.Min(300, answer.Body.Length)]}");
    }

    private HashSet<string> ServedRoutes()
    {
        var endpoints = fx.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (IsFrameworkOrAsset(endpoint, pattern))
            {
                continue;
            }

            // A page also takes POST for its forms: the same component, the same checks, behind the
            // antiforgery check. Its GET stands for both.
            var methods = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                ? ["GET"]
                : endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "HEAD"))
            {
                routes.Add($"{method} {pattern}");
            }
        }

        return routes;
    }

    /// <summary>Static files and Blazor's own plumbing (scripts, the circuit hub) name no content.</summary>
    private static bool IsFrameworkOrAsset(RouteEndpoint endpoint, string pattern) =>
        pattern.StartsWith("/_framework/", StringComparison.Ordinal)
        || pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_content/", StringComparison.Ordinal)
        || pattern.Contains(":file}", StringComparison.Ordinal)
        || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private async Task NothingChangedAsync(string route)
    {
        // The fixture's things are all still there and unchanged, whatever the request tried.
        var owner = fx.Clients["eigenaar"];
        var page = await owner.GetStringAsync("/api/pages/kluis/plan");
        Assert.Contains("Tweede versie", page);
        Assert.Contains("Kluistaak", await owner.GetStringAsync("/api/tasks/KL-1"));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/documents/{fx.Values["document"]}")).StatusCode);
        var post = await owner.GetStringAsync($"/api/posts/{fx.Values["post"]}");
        Assert.Contains("Een antwoord", post);
        Assert.DoesNotContain("Ingebroken", post);
        Assert.Contains("Een opmerking", await owner.GetStringAsync("/api/comments?target=page:kluis/plan"));
        var space = await owner.GetStringAsync("/api/spaces/kluis");
        Assert.DoesNotContain("Overgenomen", space);
        var members = await owner.GetStringAsync("/api/spaces/kluis/members");
        Assert.DoesNotContain("vreemdegast", members);
        Assert.DoesNotContain("nieuw@example.org", members);
        Assert.Contains("lid", members);
        Assert.DoesNotContain("Ingebroken", await owner.GetStringAsync("/api/spaces/kluis/tasks"));
        Assert.DoesNotContain("Ingebroken", await owner.GetStringAsync("/api/spaces/kluis/posts"));
        Assert.DoesNotContain("Ingebroken", await owner.GetStringAsync("/api/comments?target=page:kluis/plan"));
        Assert.True(route.Length > 0);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(template, m => values[m.Groups[1].Value]);

    private static string Normalise(string body, IReadOnlyDictionary<string, string> values)
    {
        // Whole tokens only: a post numbered 1 must not turn "rfc9110" into something else.
        foreach (var (name, value) in values.OrderByDescending(v => v.Value.Length))
        {
            body = Regex.Replace(body, $"(?<![A-Za-z0-9]){Regex.Escape(value)}(?![A-Za-z0-9])", "{" + name + "}");
        }

        return TraceIdPattern().Replace(body, "");
    }

    private static async Task<Answer> SendAsync(HttpClient client, string method, string url, string? body, IReadOnlyDictionary<string, string> values)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is "upload")
        {
            var file = new ByteArrayContent("Ingebroken."u8.ToArray());
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            request.Content = new MultipartFormDataContent { { file, "files", "ingebroken.txt" } };
        }
        else if (body is not null)
        {
            request.Content = new StringContent(Fill(body, values), System.Text.Encoding.UTF8, "application/json");
        }
        else if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
        return new Answer(response.StatusCode, text, isHtml, response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "");
    }

    private sealed record Answer(HttpStatusCode Status, string Body, bool IsHtml, string Location);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"""traceId"":""[^""]*""")]
    private static partial Regex TraceIdPattern();
}
