using System.Text;
using Markdig.Syntax.Inlines;

namespace TeamWiki.Web.Markup;

/// <summary>
/// The visible text of an inline tree, for table-of-contents entries.
/// </summary>
/// <remarks>
/// Walks the AST instead of stripping rendered HTML: no parsing round trip, and raw inline HTML is
/// skipped instead of leaking its tag names into the text.
/// </remarks>
internal static class InlineText
{
    /// <summary>
    /// Deeper nesting is skipped rather than followed: Markdig parses up to thousands of levels
    /// (it only refuses them when rendering), and recursion that deep risks the thread's stack.
    /// </summary>
    public const int MaxDepth = 256;

    public static string Of(ContainerInline? root)
    {
        if (root is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder, root, 0);
        return Collapse(builder.ToString());
    }

    private static void Append(StringBuilder builder, Inline inline, int depth)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container when depth < MaxDepth:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(builder, child, depth + 1);
                }

                break;
            // Raw HTML and anything unknown contribute no visible text.
        }
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
