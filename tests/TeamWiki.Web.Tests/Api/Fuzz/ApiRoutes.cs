using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace TeamWiki.Web.Tests.Api.Fuzz;

/// <summary>One HTTP route of the app: a method and a route pattern.</summary>
public sealed record ApiRoute(string Method, RoutePattern Pattern)
{
    public override string ToString() => $"{Method} {Pattern.RawText}";
}

/// <summary>
/// Every route the app maps with a handler (the API, /health, /culture, /files, …), read from its
/// <see cref="EndpointDataSource"/>, so a route added later is fuzzed without anyone listing it here.
/// Pages (Razor components), static files and the framework's own endpoints are left out.
/// </summary>
public static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name is "ComponentTypeMetadata" or "StaticAssetDescriptor"))
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !raw.StartsWith("_", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiRoute(m, e.RoutePattern)))
            .DistinctBy(r => r.ToString())
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();
}
