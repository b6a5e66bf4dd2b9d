namespace TeamWiki.Web.Hosting;

/// <summary>
/// The status code a statically rendered page asks for (404 for a page that does not exist). Blazor
/// sends no body at all when a component sets 404 itself, which leaves the reader with the browser's
/// error screen; so the page records the code here and it is applied as the response starts, after
/// the page's HTML is rendered.
/// </summary>
public static class ResponseStatus
{
    private static readonly object Key = new();

    /// <summary>Asks for <paramref name="status"/> on this response.</summary>
    public static void Set(HttpContext? context, int status)
    {
        if (context is { Response.HasStarted: false })
        {
            context.Items[Key] = status;
        }
    }

    /// <summary>Applies the recorded status when the response starts.</summary>
    public static void UseResponseStatus(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items.TryGetValue(Key, out var status) && status is int code && context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.StatusCode = code;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
