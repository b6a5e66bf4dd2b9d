using System.Text;
using AngleSharp.Dom;

namespace TeamWiki.Web.Markup;

/// <summary>
/// The accessible name of a task-list checkbox: the text of its own list item. Markdig writes the box
/// and its text side by side (<c>&lt;li&gt;&lt;input type="checkbox"&gt; text&lt;/li&gt;</c>) with no label, so a screen
/// reader would announce "checkbox, not checked" without saying what is to be done (WCAG 1.3.1, 4.1.2).
/// </summary>
internal static class TaskCheckboxLabel
{
    /// <summary>Longer item text is cut: the name is a handle, the full text is read right after it.</summary>
    private const int MaxLength = 200;

    /// <summary>Names <paramref name="checkbox"/> after the text of its list item (nested lists left out); does nothing outside a list item or for an empty one.</summary>
    public static void Apply(IElement checkbox)
    {
        var item = checkbox.Closest("li");
        if (item is null)
        {
            return;
        }

        var text = new StringBuilder();
        Collect(item, text);
        var name = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength].TrimEnd() + "…";
        }

        if (name.Length > 0)
        {
            checkbox.SetAttribute("aria-label", name);
        }
    }

    private static void Collect(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement { LocalName: "ul" or "ol" })
            {
                continue; // a sub-list's items have checkboxes of their own
            }

            if (child.NodeType == NodeType.Text)
            {
                text.Append(child.TextContent).Append(' ');
            }
            else
            {
                Collect(child, text);
            }
        }
    }
}
