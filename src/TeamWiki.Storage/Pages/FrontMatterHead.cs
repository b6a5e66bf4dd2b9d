namespace TeamWiki.Storage.Pages;

/// <summary>
/// A page file cut for the editor: the front matter block exactly as written (<see cref="Head"/>, with the
/// blank lines after its closing line) and the body a person edits. <c>Head + Body</c> is the file again,
/// byte for byte, so an editor that changes nothing writes nothing different.
/// </summary>
/// <param name="Head">The leading <c>---</c> … <c>---</c> block and the blank lines after it, or null when
/// the file has no front matter (a leading block that is no YAML mapping is body text).</param>
/// <param name="Meta">What the head says (<see cref="FrontMatter.Empty"/> without one).</param>
/// <param name="Body">The rest of the file.</param>
public sealed record FrontMatterHead(string? Head, FrontMatter Meta, string Body)
{
    /// <summary>Cuts <paramref name="markdown"/> into head and body; a head only when its block parses as a YAML mapping.</summary>
    public static FrontMatterHead Cut(string markdown)
    {
        var (meta, body) = FrontMatter.Split(markdown);
        if (body.Length == markdown.Length)
        {
            return new FrontMatterHead(null, FrontMatter.Empty, markdown);
        }

        // The blank lines between the block and the text belong to the head: the text box starts with the text.
        var start = markdown.Length - body.Length;
        while (start < markdown.Length && (markdown[start] == '\n' || (markdown[start] == '\r' && start + 1 < markdown.Length && markdown[start + 1] == '\n')))
        {
            start += markdown[start] == '\r' ? 2 : 1;
        }

        return new FrontMatterHead(markdown[..start], meta, markdown[start..]);
    }

    /// <summary>
    /// The YAML between the opening and closing lines of <see cref="Head"/> (null without a head), as
    /// <see cref="FrontMatter.Split"/> read it.
    /// </summary>
    public string? Yaml
    {
        get
        {
            if (Head is null)
            {
                return null;
            }

            var text = Head.StartsWith('\uFEFF') ? Head[1..] : Head;
            var lines = text.Split('\n');
            var yaml = new List<string>();
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd('\r') is "---" or "...")
                {
                    break;
                }

                yaml.Add(lines[i]);
            }

            return yaml.Count == 0 ? "" : string.Join('\n', yaml) + "\n";
        }
    }
}
