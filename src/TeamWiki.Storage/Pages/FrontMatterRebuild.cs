using System.Text.RegularExpressions;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Puts a page file together again from the editor's fields: the title and tags a person set in form
/// fields and the body from the text box, on top of the front matter the file had. Only the <c>title</c>
/// and <c>tags</c> entries that changed are rewritten, line by line, so every other key, its comments and
/// its layout stay exactly as written; a page without front matter that gets no title or tags keeps none.
/// </summary>
public static partial class FrontMatterRebuild
{
    /// <summary>
    /// The file for <paramref name="original"/> with title <paramref name="title"/> (null or blank: none),
    /// tags <paramref name="tags"/> and body <paramref name="body"/>. When the body itself starts with a
    /// front matter block (someone typed or pasted one), that block is the one the fields change, and only
    /// the fields that differ from <paramref name="original"/>'s are applied to it.
    /// </summary>
    public static string Compose(FrontMatterHead original, string? title, IEnumerable<string> tags, string body)
    {
        var newTitle = string.IsNullOrWhiteSpace(title) ? null : OneLine(title);
        var newTags = tags.Select(FrontMatter.NormaliseTag).Where(t => t.Length > 0).Distinct().ToList();
        // Changed compared with what the fields started from (the file's own block).
        var titleChanged = newTitle != original.Meta.Title;
        var tagsChanged = !newTags.SequenceEqual(original.Meta.Tags);
        if (FrontMatterHead.Cut(body) is { Head: not null } typed)
        {
            original = typed;
            body = typed.Body;
        }

        if (!titleChanged && !tagsChanged)
        {
            return (original.Head ?? "") + body;
        }

        newTitle = titleChanged ? newTitle : original.Meta.Title;
        newTags = tagsChanged ? newTags : [.. original.Meta.Tags];
        if (original.Head is null)
        {
            return YamlLines.Block(newTitle, newTags, "\n") + (body.Length == 0 || body.StartsWith('\n') ? body : "\n" + body);
        }

        var head = original.Head;
        var newline = head.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var yaml = original.Yaml ?? "";
        var edited = YamlLines.Edit(yaml, titleChanged, newTitle, tagsChanged, newTags);
        if (!YamlLines.Keeps(yaml, edited, newTitle, newTags))
        {
            // A layout the line editing cannot follow (a flow mapping, a key spread over lines): the keys
            // are written again by the YAML library; values survive, comments of that block do not.
            edited = YamlLines.Reemit(yaml, newTitle, newTags);
        }

        if (!YamlLines.HasKeys(edited))
        {
            // Nothing left to say: no block at all, not an empty one (that would render as two rules).
            return body;
        }

        var open = head.IndexOf('\n') + 1;
        var close = ClosingLine(head, open);
        var editedText = edited.Replace("\r\n", "\n").Replace("\n", newline);
        return head[..open] + editedText + head[close..] + body;
    }

    /// <summary>Where the closing <c>---</c> or <c>...</c> line of the head starts.</summary>
    private static int ClosingLine(string head, int from)
    {
        var pos = from;
        while (pos < head.Length)
        {
            var end = head.IndexOf('\n', pos);
            var line = (end < 0 ? head[pos..] : head[pos..end]).TrimEnd('\r');
            if (line is "---" or "...")
            {
                return pos;
            }

            pos = end < 0 ? head.Length : end + 1;
        }

        return head.Length;
    }

    private static string OneLine(string value) => Blanks().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}
