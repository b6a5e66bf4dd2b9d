using System.Text.Encodings.Web;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Pages.Cache;

/// <summary>
/// The parts of a page that belong to the person looking at it rather than to what they may read: their
/// name in the header and their notification bell. A page shows them through
/// <c>&lt;PersonalPart Name="…" /&gt;</c>, which renders the HTML made here; when the page view cache
/// renders a page to keep, it renders a hole instead, and fills the hole from here for every request.
/// Anything else a page shows must be the same for everyone with the same key (<see cref="PageViewKey"/>).
/// </summary>
public sealed class PersonalParts(BellFragments bells)
{
    /// <summary>The display name of the person signed in.</summary>
    public const string UserName = "user-name";

    /// <summary>The notification bell: unread count and the latest notifications.</summary>
    public const string Bell = "bell";

    /// <summary>The HTML of the part <paramref name="name"/> for the person making <paramref name="context"/>'s request.</summary>
    public ValueTask<string> HtmlAsync(string name, HttpContext context) => name switch
    {
        UserName => ValueTask.FromResult(HtmlEncoder.Default.Encode(context.User.Name())),
        Bell => bells.HtmlAsync(context.User),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a personal part of a page"),
    };
}
