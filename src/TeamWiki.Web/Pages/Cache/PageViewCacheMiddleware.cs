using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using TeamWiki.Web.Hosting;

namespace TeamWiki.Web.Pages.Cache;

/// <summary>
/// Serves a page view from <see cref="PageViewCache"/> when it can, without rendering: the kept HTML with
/// the reader's personal parts, this response's antiforgery token and (for enhanced navigation) Blazor's
/// framing boundary filled in. Runs at the end of the pipeline, after sign-in, authorisation and the
/// antiforgery check, so a request reaches it exactly as it would reach the page. A miss renders the page
/// as always, with holes where the personal parts go (<see cref="PageCapture"/>), keeps that and fills it
/// in for this request too, so the first reader and the next get the same bytes.
/// </summary>
public sealed class PageViewCacheMiddleware(RequestDelegate next, PageViewCache cache, PageViewKey keys, PersonalParts parts, IAntiforgery antiforgery)
{
    private const string Token = "token";
    private const string Boundary = "boundary";

    // Blazor's response header naming the boundary between an enhanced navigation's page and later updates.
    private const string FramingHeader = "ssr-framing";

    private static readonly string Marker = "tw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + ":";

    /// <summary>Serves from the cache, or renders and keeps.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (await keys.ForAsync(context) is not { } key)
        {
            await next(context);
            return;
        }

        if (cache.Get(key) is { } kept)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await kept.WriteAsync(context.Response, await FillAsync(context, kept));
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        context.Features.Set(new PageCapture(Marker));
        try
        {
            await next(context);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            context.Features.Set<PageCapture?>(null);
            context.Response.Body = body;
        }

        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true
            || html.Contains("<!--Blazor:", StringComparison.Ordinal))
        {
            // Not a page to keep (an error, or a page that grew an interactive component, whose markers are
            // valid for one response only): send what was rendered, holes filled.
            var rendered = PageTemplate.Parse(html, Marker);
            await rendered.WriteAsync(context.Response, await FillAsync(context, rendered));
            return;
        }

        html = WithoutComponentState(html);
        if (html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            html = html.Replace(antiforgery.GetAndStoreTokens(context).RequestToken!, PageTemplate.Hole(Marker, Token), StringComparison.Ordinal);
        }

        if (context.Response.Headers[FramingHeader].ToString() is { Length: > 0 } boundary)
        {
            html = html.Replace($"<!--{boundary}-->", PageTemplate.Hole(Marker, Boundary), StringComparison.Ordinal);
        }

        var page = PageTemplate.Parse(html, Marker);
        cache.Set(key, page, context.RequestServices.GetRequiredService<TextExpiry>().Until);
        context.Response.Headers.Remove(FramingHeader);
        await page.WriteAsync(context.Response, await FillAsync(context, page));
    }

    /// <summary>
    /// Blazor adds the state its interactive components would start from to every page it renders, data
    /// protected for this response and this person (the antiforgery token for forms on a circuit). A page
    /// kept here has no interactive component (checked above). An interactive page reached from it by enhanced
    /// navigation starts its circuit without that state: none of our components persists any, and forms on a
    /// circuit are handled there, without a token.
    /// </summary>
    private static string WithoutComponentState(string html)
    {
        var start = html.IndexOf("<!--Blazor-Server-Component-State:", StringComparison.Ordinal);
        return start < 0 ? html : html.Remove(start, html.IndexOf("-->", start, StringComparison.Ordinal) + 3 - start);
    }

    private async Task<Dictionary<string, string>> FillAsync(HttpContext context, PageTemplate page)
    {
        var fill = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hole in page.Holes)
        {
            fill[hole] = hole switch
            {
                Token => antiforgery.GetAndStoreTokens(context).RequestToken!,
                Boundary => NewBoundary(context),
                _ => await parts.HtmlAsync(hole, context),
            };
        }

        return fill;
    }

    private static string NewBoundary(HttpContext context)
    {
        var id = Guid.NewGuid().ToString();
        context.Response.Headers[FramingHeader] = id;
        return $"<!--{id}-->";
    }
}
