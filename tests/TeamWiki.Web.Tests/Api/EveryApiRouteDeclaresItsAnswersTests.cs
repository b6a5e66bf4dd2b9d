using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

/// <summary>
/// Every <c>/api</c> route, taken from the app's own endpoint list, says in its signature and its metadata
/// what it answers: a typed result (never a plain <see cref="IResult"/>), at least one success, its
/// refusals as problem details, and 404 when its address names something. The declarations are then held
/// against the answers the routes really give.
/// </summary>
public class EveryApiRouteDeclaresItsAnswersTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public void EveryApiRouteDeclaresItsStatusesInItsMetadata()
    {
        var routes = ApiEndpoints(factory.Services.GetRequiredService<EndpointDataSource>().Endpoints);

        Assert.True(routes.Count > 50, $"Only {routes.Count} API routes found: is the endpoint list read right?");
        var complaints = routes.SelectMany(Complaints).ToList();
        Assert.True(complaints.Count == 0, "Routes that do not declare their answers:\n" + string.Join("\n", complaints));
    }

    [Fact]
    public async Task TheCheckCatchesAPlainIResultAndAnUndeclaredRefusal()
    {
        // The same check, on a small app with the two mistakes it exists for.
        await using var app = WebApplication.CreateSlimBuilder().Build();
        app.MapGet("/api/plain", () => (IResult)TypedResults.Ok("x"));
        app.MapGet("/api/spaces/{key}/typed", Results<Ok<string>, ProblemHttpResult> (string key) => TypedResults.Ok(key));
        app.MapGet("/api/spaces/{key}/declared", Results<Ok<string>, ProblemHttpResult> (string key) => TypedResults.Ok(key)).ProducesProblem(404);
        var routes = ApiEndpoints(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));

        var complaints = routes.SelectMany(Complaints).ToList();

        Assert.Contains(complaints, c => c.StartsWith("GET /api/plain: returns IResult", StringComparison.Ordinal));
        Assert.Contains(complaints, c => c.StartsWith("GET /api/plain: declares no success", StringComparison.Ordinal));
        Assert.Contains(complaints, c => c.StartsWith("GET /api/spaces/{key}/typed: names something but declares no 404", StringComparison.Ordinal));
        Assert.Contains(complaints, c => c.StartsWith("GET /api/spaces/{key}/typed: can refuse but declares no problem", StringComparison.Ordinal));
        Assert.DoesNotContain(complaints, c => c.Contains("/declared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryAnswerOfARouteIsOneItDeclares()
    {
        // Each route asked for something that does not exist, with an empty JSON body: the refusal (or
        // success) it gives must be among the statuses it declares, a problem as problem details.
        using var admin = factory.AdminClient();
        var wrong = new List<string>();
        foreach (var endpoint in ApiEndpoints(factory.Services.GetRequiredService<EndpointDataSource>().Endpoints))
        {
            foreach (var method in Methods(endpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(endpoint));
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = JsonContent.Create(new { });
                }

                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                var declared = Declared(endpoint).Where(d => d.StatusCode == status).ToList();
                var type = response.Content.Headers.ContentType?.MediaType;
                if (declared.Count == 0)
                {
                    wrong.Add($"{method} {Pattern(endpoint)} answered {status}, which it does not declare");
                }
                else if (status >= 400 && (type != ProblemJson || !declared.Any(d => d.ContentTypes.Contains(ProblemJson))))
                {
                    wrong.Add($"{method} {Pattern(endpoint)} answered {status} as {type}, declared as {string.Join(",", declared.SelectMany(d => d.ContentTypes))}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static List<RouteEndpoint> ApiEndpoints(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>().Where(e => Pattern(e).StartsWith("/api/", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> Complaints(RouteEndpoint endpoint)
    {
        var route = $"{string.Join(",", Methods(endpoint))} {Pattern(endpoint)}";
        var declared = Declared(endpoint);
        var returns = Unwrapped(endpoint.Metadata.GetMetadata<MethodInfo>()?.ReturnType);

        if (returns is null || returns == typeof(IResult) || !typeof(IResult).IsAssignableFrom(returns))
        {
            yield return $"{route}: returns {returns?.Name ?? "nothing known"}, not a typed result";
        }

        if (!declared.Any(d => d.StatusCode is >= 200 and < 300))
        {
            yield return $"{route}: declares no success status";
        }

        // A route that names a space, page, task, … answers 404 for what is not there or not theirs to see.
        if (endpoint.RoutePattern.Parameters.Count > 0 && !declared.Any(d => d.StatusCode == 404 && d.ContentTypes.Contains(ProblemJson)))
        {
            yield return $"{route}: names something but declares no 404 problem";
        }

        if (returns is not null && Alternatives(returns).Contains(typeof(ProblemHttpResult)) && !declared.Any(d => d.StatusCode >= 400))
        {
            yield return $"{route}: can refuse but declares no problem status";
        }

        foreach (var refusal in declared.Where(d => d.StatusCode >= 400 && !d.ContentTypes.Contains(ProblemJson)))
        {
            yield return $"{route}: declares {refusal.StatusCode} as something other than problem details";
        }
    }

    /// <summary>Task&lt;T&gt; and ValueTask&lt;T&gt; stand for T; a handler with no result returns nothing known.</summary>
    private static Type? Unwrapped(Type? type) =>
        type is { IsGenericType: true } && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void) ? null : type;

    /// <summary>The results a <c>Results&lt;…&gt;</c> union may be; any other result is its own only one.</summary>
    private static Type[] Alternatives(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName?.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal) == true
            ? type.GetGenericArguments()
            : [type];

    private static List<IProducesResponseTypeMetadata> Declared(Endpoint endpoint) => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().ToList();

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText?.TrimStart('/');

    private static IReadOnlyList<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    /// <summary>The route's address with every parameter naming something that does not exist.</summary>
    private static string Fill(RouteEndpoint endpoint)
    {
        var url = Pattern(endpoint);
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var value = parameter.IsCatchAll ? "nergens/plan"
                : parameter.ParameterPolicies.Any(p => p.Content == "long") ? "987654321"
                : "nergens";
            url = url.Replace(
                "{" + (parameter.IsCatchAll ? "**" : "") + parameter.Name + string.Concat(parameter.ParameterPolicies.Select(p => ":" + p.Content)) + "}",
                value,
                StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", url, StringComparison.Ordinal);
        return url;
    }
}
