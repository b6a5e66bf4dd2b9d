using System.Globalization;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Conversation;
using TeamWiki.Web.Items;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Pages.Cache;

/// <summary>
/// Everything a page view's HTML depends on besides its personal parts (<see cref="PersonalParts"/>):
/// two requests with the same key get the same page. That makes this the list to keep in step with what
/// <c>PageView</c>, its layout and their components show:
/// <list type="bullet">
/// <item>the address (the page, the sidebar's place, the language switch's way back) and the commit at the
/// tip of the branch (the text, its last change, the sidebar's tree and spaces, where wiki links lead);</item>
/// <item>the language, and whether Blazor's enhanced navigation asked (its answer is framed);</item>
/// <item>who is asking, as far as it shows: signed in or not, admin, guest, the spaces they may read (the
/// sidebar, wiki links) and everything they may do in this page's space (edit links, comment forms);</item>
/// <item>whether they watch the page, and the comments as they look to them (<see cref="Comments.LookStampAsync"/>).</item>
/// </list>
/// Only the current version of a page that exists and that the reader may read gets a key: an address
/// with a query (an old revision, a save notice), a space's home page, a page that is missing or hidden
/// from the reader are rendered as always. A page's history (<c>/history/…</c>) is kept the same way: it
/// depends on the tip, the language and who is asking (restore links), and shows no watch or comments.
/// </summary>
public sealed class PageViewKey(IContentCatalog catalog, SpaceAccess access, Watches watches, Comments comments)
{
    private const string Prefix = "/wiki/";
    private const string HistoryPrefix = "/history/";

    /// <summary>The key of the page <paramref name="context"/> asks for, or null when it is not kept.</summary>
    public async ValueTask<string?> ForAsync(HttpContext context)
    {
        var request = context.Request;
        var address = request.Path.Value;
        if (!HttpMethods.IsGet(request.Method) || request.QueryString.HasValue || address is null)
        {
            return null;
        }

        var history = address.StartsWith(HistoryPrefix, StringComparison.Ordinal);
        var prefix = history ? HistoryPrefix : Prefix;
        if (!address.StartsWith(prefix, StringComparison.Ordinal)
            || !PagePath.TryParse(Uri.UnescapeDataString(address[prefix.Length..]).Trim('/'), out var path) || !path.Value.Contains('/'))
        {
            return null;
        }

        var snapshot = catalog.Current;
        var user = context.User;
        var permissions = access.For(user, path.Space);
        if (snapshot.Commit is not { } commit || snapshot.Find(path) is null || !permissions.Read)
        {
            return null;
        }

        var userId = user.Identity?.IsAuthenticated == true ? user.UserId() : null;
        var enhancedNavigation = request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase);
        var shared = string.Join('\n',
            address, commit, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, enhancedNavigation,
            userId is not null, user.IsAdmin(), user.IsGuest(), access.Readable(user).CacheKey, permissions);
        if (history)
        {
            return shared;
        }

        var item = ItemRef.Page(path);
        var watching = userId is not null && await watches.IsWatchingAsync(userId, Watches.Target(item));
        var conversation = ItemTarget.Resolve(item, snapshot) is { } target ? await comments.LookStampAsync(target, userId) : "-";
        return string.Join('\n', shared, watching, conversation);
    }
}
