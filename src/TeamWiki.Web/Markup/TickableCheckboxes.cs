using AngleSharp.Html.Parser;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Turns the disabled task-list checkboxes of sanitised page HTML into tickable ones for a reader who may
/// edit the page: enabled, and numbered with <c>data-checkbox-index</c> as <c>POST …/checkbox</c> counts them.
/// </summary>
/// <remarks>
/// The numbering must be Markdig's (<see cref="MarkdownRenderer.Checkboxes"/>). A checkbox written as raw
/// HTML renders too, and would shift every number after it; so when the HTML holds a different number of
/// checkboxes than the Markdown, none is made tickable: a box that ticks its neighbour is worse than none.
/// The input is the sanitiser's output, so parsing it again and writing it back adds nothing it did not allow.
/// </remarks>
public static class TickableCheckboxes
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The HTML with its <paramref name="expected"/> checkboxes enabled, or unchanged when the count differs.</summary>
    public static string Enable(string html, int expected)
    {
        if (expected == 0)
        {
            return html;
        }

        using var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        var boxes = body.QuerySelectorAll("input[type=checkbox]");
        if (boxes.Length != expected)
        {
            return html;
        }

        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i].RemoveAttribute("disabled");
            boxes[i].SetAttribute("data-checkbox-index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return body.InnerHtml;
    }
}
