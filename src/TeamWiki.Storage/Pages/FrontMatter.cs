using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// The optional YAML block at the top of a page (<c>---</c> … <c>---</c>) with its title, tags,
/// description and language. Unknown keys are kept in the text untouched: the store never rewrites
/// what a person wrote.
/// </summary>
public sealed record FrontMatter(string? Title, IReadOnlyList<string> Tags, string? Description, string? Language)
{
    /// <summary>Front matter of a page that has none.</summary>
    public static readonly FrontMatter Empty = new(null, [], null, null);

    /// <summary>
    /// Splits <paramref name="markdown"/> into its front matter and body. A leading block between
    /// <c>---</c> lines is front matter only when it parses as a YAML mapping; anything else (a thematic
    /// break followed by a setext heading, broken YAML, an empty block) is Markdown and stays in the body,
    /// so no text a person wrote vanishes from the rendered page.
    /// </summary>
    public static (FrontMatter Meta, string Body) Split(string markdown)
    {
        var (yaml, body) = Cut(markdown);
        return yaml is not null && ParseYaml(yaml) is { } meta ? (meta, body) : (Empty, markdown);
    }

    /// <summary>Builds the text of a new page: a front matter block with title and tags, then the body.</summary>
    public static string Compose(string title, IEnumerable<string> tags, string body)
    {
        var sb = new StringBuilder("---\n");
        sb.Append("title: ").Append(Quote(title)).Append('\n');
        var tagList = tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (tagList.Count > 0)
        {
            sb.Append("tags: [").Append(string.Join(", ", tagList.Select(Quote))).Append("]\n");
        }

        sb.Append("---\n\n").Append(body);
        return sb.ToString();
    }

    private static (string? Yaml, string Body) Cut(string markdown)
    {
        var text = markdown.StartsWith('\uFEFF') ? markdown[1..] : markdown;
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && !text.StartsWith("---\r\n", StringComparison.Ordinal))
        {
            return (null, markdown);
        }

        var start = text.IndexOf('\n') + 1;
        var pos = start;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var line = (end < 0 ? text[pos..] : text[pos..end]).TrimEnd('\r');
            if (line is "---" or "...")
            {
                var bodyStart = end < 0 ? text.Length : end + 1;
                return (text[start..pos], text[bodyStart..]);
            }

            if (end < 0)
            {
                break;
            }

            pos = end + 1;
        }

        return (null, markdown);
    }

    private static FrontMatter? ParseYaml(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return null;
            }

            return new FrontMatter(
                Scalar(map, "title"),
                ReadTags(map),
                Scalar(map, "description"),
                Scalar(map, "lang") ?? Scalar(map, "language"));
        }
        catch (YamlException)
        {
            // Not YAML: the block is Markdown (shown as text), and the page works without metadata.
            return null;
        }
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } v }
            && !string.IsNullOrWhiteSpace(v)
            ? v.Trim()
            : null;

    private static IReadOnlyList<string> ReadTags(YamlMappingNode map)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("tags"), out var node))
        {
            return [];
        }

        IEnumerable<string> raw = node switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? ""),
            YamlScalarNode { Value: { } s } => s.Split(','),
            _ => [],
        };
        return raw.Select(NormaliseTag).Where(t => t.Length > 0).Distinct().ToList();
    }

    /// <summary>Tags are compared in lower case without surrounding blanks or a leading '#'.</summary>
    public static string NormaliseTag(string tag) => tag.Trim().TrimStart('#').Trim().ToLowerInvariant();

    private static string Quote(string value) =>
        value.IndexOfAny([':', '#', '[', ']', '{', '}', ',', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`']) >= 0
        || value != value.Trim()
            ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : value;
}
