using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Ticks or unticks one task-list checkbox in a Markdown file by rewriting the single character between
/// its brackets, so the change is one character on one line and merges with edits anywhere else. The
/// checkboxes are found in Markdig's syntax tree (not by a pattern), so the numbering is the one the
/// rendered page shows: "- [ ]" inside a code block is text, not a checkbox.
/// </summary>
public static class CheckboxTicker
{
    /// <summary>
    /// <paramref name="file"/> (front matter included) with checkbox <paramref name="index"/> (from 0, in
    /// document order of the body) set to <paramref name="check"/>, or null when there is no such checkbox.
    /// </summary>
    public static string? Tick(MarkdownRenderer renderer, string file, int index, bool check)
    {
        // The body is the file's tail (FrontMatter cuts it off the end); offsets in it shift by the front matter's length.
        var (_, body) = FrontMatter.Split(file);
        return Flip(renderer, file, file.Length - body.Length, body, index, check);
    }

    /// <summary>Markdown without front matter (a task's description) with checkbox <paramref name="index"/> set, or null when there is none.</summary>
    public static string? TickBody(MarkdownRenderer renderer, string markdown, int index, bool check) =>
        Flip(renderer, markdown, 0, markdown, index, check);

    private static string? Flip(MarkdownRenderer renderer, string text, int offset, string body, int index, bool check)
    {
        var boxes = renderer.Checkboxes(body);
        if (index < 0 || index >= boxes.Count)
        {
            return null;
        }

        var position = offset + boxes[index].Position;
        if (text[position] is not (' ' or 'x' or 'X'))
        {
            // Markdig's spans are offsets into the parsed string; anything else here would be a bug, and writing would damage the text.
            throw new InvalidOperationException($"Checkbox {index} is not at offset {position}");
        }

        return string.Concat(text.AsSpan(0, position), check ? "x" : " ", text.AsSpan(position + 1));
    }
}
