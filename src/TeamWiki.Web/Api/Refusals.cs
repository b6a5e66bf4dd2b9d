using TeamWiki.Storage.Problems;

namespace TeamWiki.Web.Api;

/// <summary>
/// Declares, in a route's metadata, the problem answers it may give. A handler's typed result names its
/// successes (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>, <c>NoContent</c>) and <c>ProblemHttpResult</c>, whose status is
/// only known when it is made; the refusals are therefore declared beside the route, by kind, so the
/// statuses come from the same table that answers them (<see cref="ApiExceptionFilter.Statuses"/>).
/// </summary>
public static class Refusals
{
    /// <summary>The route may answer a problem (<c>application/problem+json</c>) of each of these kinds.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder route, params ProblemKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            route.ProducesProblem(ApiExceptionFilter.Statuses[kind]);
        }

        return route;
    }
}
