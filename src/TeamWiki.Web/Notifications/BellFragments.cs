using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Hosting;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// The HTML of each person's notification bell, rendered once and kept: every signed-in page shows it,
/// and the live socket (<see cref="BellSocket"/>) sends it again when the person's notifications change.
/// Kept per person for their language and the spaces they can read (the bell leaves out what they no
/// longer may see), forgotten when the hub says their notifications changed, and kept no longer than its
/// relative times ("5 min ago") stay true nor than <see cref="Lifetime"/>, the bound on how stale a change
/// made by another process can look (as for the inbox's own cache).
/// </summary>
public sealed class BellFragments
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Hosting.ReadThroughCache<Fragment> _byUser = new(Lifetime);
    private readonly IServiceScopeFactory _scopes;
    private readonly ILoggerFactory _logs;
    private readonly SpaceAccess _access;

    /// <summary>Creates the store; it forgets a person's bell whenever the hub reports a change for them.</summary>
    public BellFragments(IServiceScopeFactory scopes, ILoggerFactory logs, SpaceAccess access, NotificationHub hub)
    {
        _scopes = scopes;
        _logs = logs;
        _access = access;
        hub.Invalidated += _byUser.Invalidate;
    }

    /// <summary>The bell of <paramref name="user"/> in the current UI language; empty for someone not signed in.</summary>
    public async ValueTask<string> HtmlAsync(ClaimsPrincipal user)
    {
        if (user.UserId() is not { } userId)
        {
            return "";
        }

        var culture = CultureInfo.CurrentUICulture.Name;
        var scope = _access.Readable(user).CacheKey;
        var fragment = await _byUser.GetAsync(userId, () => RenderAsync(userId, culture, scope));
        if (fragment.Culture != culture || fragment.Scope != scope || fragment.Until <= DateTimeOffset.UtcNow)
        {
            _byUser.Invalidate(userId);
            fragment = await _byUser.GetAsync(userId, () => RenderAsync(userId, culture, scope));
        }

        return fragment.Html;
    }

    private async Task<Fragment> RenderAsync(string userId, string culture, string scope)
    {
        await using var services = _scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(services.ServiceProvider, _logs);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<NotificationBell>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(NotificationBell.UserId)] = userId }));
            return output.ToHtmlString();
        });
        var until = services.ServiceProvider.GetRequiredService<TextExpiry>().Until ?? DateTimeOffset.MaxValue;
        return new Fragment(html, culture, scope, until);
    }

    private sealed record Fragment(string Html, string Culture, string Scope, DateTimeOffset Until);
}
