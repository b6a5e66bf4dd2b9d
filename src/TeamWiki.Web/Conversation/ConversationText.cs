using System.Text.RegularExpressions;
using TeamWiki.Storage.Conversation;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Conversation;

/// <summary>A link preview: only for pages inside the wiki (nothing outside is ever fetched).</summary>
public sealed record LinkCard(string Url, string Title, string? Description, string Space);

/// <summary>Checks and renders the Markdown of posts, replies and comments.</summary>
public sealed partial class ConversationText(MarkdownRenderer renderer)
{
    /// <summary>The text, trimmed; refused when empty or longer than <see cref="Post.MaxMarkdownLength"/>.</summary>
    public static string Check(string? markdown)
    {
        var text = (markdown ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0)
        {
            throw ConversationException.Invalid("The text is empty");
        }

        if (text.Length > Post.MaxMarkdownLength)
        {
            throw ConversationException.Invalid(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The text is {text.Length:N0} characters long; at most {Post.MaxMarkdownLength:N0} are allowed"));
        }

        if (text.Contains('\0'))
        {
            throw ConversationException.Invalid("The text contains a NUL character");
        }

        return text;
    }

    /// <summary>Tags: lower case, without #, letters, digits and dashes, each at most 40 characters, at most <see cref="Post.MaxTags"/>.</summary>
    public static IReadOnlyList<string> CheckTags(IEnumerable<string>? tags)
    {
        var list = (tags ?? []).SelectMany(t => (t ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Select(FrontMatter.NormaliseTag).Where(t => t.Length > 0).Distinct().ToList();
        if (list.Count > Post.MaxTags)
        {
            throw ConversationException.Invalid($"At most {Post.MaxTags} tags are allowed");
        }

        foreach (var tag in list)
        {
            if (tag.Length > 40 || !TagPattern().IsMatch(tag))
            {
                throw ConversationException.Invalid($"Tag '{Notifications.Notifier.Cut(tag, 40)}' may only hold letters, digits and dashes (at most 40)");
            }
        }

        return list;
    }

    /// <summary>
    /// Sanitised HTML (no script ever runs), with @mentions as links and wiki links as <paramref name="reader"/>
    /// may follow them. Text in the team stream has no space: its wiki links find pages in any space the
    /// reader sees.
    /// </summary>
    public string Html(string markdown, string space, ContentSnapshot snapshot, ReadableSpaces reader) =>
        renderer.Render(markdown, ContextPath(space), new CatalogLinkResolver(snapshot, reader)).Html;

    /// <summary>Plain text for excerpts.</summary>
    public string Plain(string markdown) => renderer.ToPlainText(markdown);

    /// <summary>The @handles mentioned.</summary>
    public IReadOnlyList<string> Mentions(string markdown) => renderer.Mentions(markdown);

    /// <summary>
    /// Preview cards for links to wiki pages in <paramref name="markdown"/> (<c>/wiki/…</c>, absolute
    /// links to <paramref name="ownHost"/>, or <c>[[Page]]</c>), built from the page's title and
    /// description; only pages <paramref name="reader"/> may read.
    /// </summary>
    public static IReadOnlyList<LinkCard> Cards(string markdown, string? space, string? ownHost, ContentSnapshot snapshot, ReadableSpaces reader)
    {
        var links = new CatalogLinkResolver(snapshot, reader);
        var cards = new List<LinkCard>();
        foreach (Match m in WikiUrl().Matches(markdown))
        {
            var host = m.Groups["host"].Success ? m.Groups["host"].Value : null;
            if (host is not null && !string.Equals(host, ownHost, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = Uri.UnescapeDataString(m.Groups["path"].Value.TrimEnd('.', ',', ')', '/'));
            Add(path.Split('#', '?')[0]);
        }

        foreach (Match m in WikiLink().Matches(markdown))
        {
            var target = m.Groups["target"].Value.Trim();
            // As the text renders; and when that leads nowhere, as in the team stream: a page of that
            // name in any space the reader sees.
            var resolved = links.Resolve(target, SpaceOf(space));
            if (!resolved.Exists)
            {
                resolved = links.Resolve(target, "");
            }

            if (resolved.Exists)
            {
                Add(resolved.Path);
            }
        }

        return cards.Take(3).ToList();

        void Add(string path)
        {
            if (PagePath.TryParse(path, out var parsed) && snapshot.Find(parsed) is { } page && reader.Contains(parsed.Space)
                && cards.All(c => c.Url != "/wiki/" + parsed.Value))
            {
                cards.Add(new LinkCard("/wiki/" + parsed.Value, page.Title, page.Description, parsed.Space));
            }
        }
    }

    private static string SpaceOf(string? space) => string.IsNullOrEmpty(space) ? "team" : space;

    private static string ContextPath(string? space) => SpaceOf(space) + "/_conversation";

    [GeneratedRegex(@"^[\p{Ll}\p{Nd}][\p{Ll}\p{Nd}\-]*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?:https?://(?<host>[A-Za-z0-9.\-]+(?::\d+)?)|(?<![\w/:.]))/wiki/(?<path>[^\s)\]""'<>]+)")]
    private static partial Regex WikiUrl();

    [GeneratedRegex(@"\[\[(?<target>[^\]|\n]{1,300})(?:\|[^\]\n]*)?\]\]")]
    private static partial Regex WikiLink();
}
