using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// The line editing behind <see cref="FrontMatterRebuild"/>: a top-level entry is its key's line and the
/// lines under it (indented, or a block sequence's <c>- </c> items), and it is replaced, removed or added
/// without touching any other line. <see cref="Keeps"/> checks the result with the YAML parser.
/// </summary>
internal static partial class YamlLines
{
    private const string Title = "title";
    private const string Tags = "tags";

    /// <summary>A whole new front matter block with a title and tags.</summary>
    public static string Block(string? title, IReadOnlyList<string> tags, string newline) =>
        "---" + newline + Entries(title, tags, newline) + "---" + newline;

    /// <summary><paramref name="yaml"/> with the title and/or tags entries replaced (or removed when empty).</summary>
    public static string Edit(string yaml, bool titleChanged, string? title, bool tagsChanged, IReadOnlyList<string> tags)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (titleChanged)
        {
            Replace(lines, Title, title is null ? [] : [TitleLine(title)], insertAt: 0);
        }

        if (tagsChanged)
        {
            var afterTitle = Find(lines, Title) is { } t ? t.End : 0;
            Replace(lines, Tags, tags.Count == 0 ? [] : [TagsLine(tags)], afterTitle);
        }

        return lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// True when <paramref name="edited"/> is a mapping with exactly the new title and tags and every other
    /// key of <paramref name="original"/> unchanged, in order.
    /// </summary>
    public static bool Keeps(string original, string edited, string? title, IReadOnlyList<string> tags)
    {
        if (Load(original) is not { } before || Load(edited + "\n") is not { } after)
        {
            return false;
        }

        var (meta, _) = FrontMatter.Split("---\n" + edited + "---\n");
        return (meta.Title == title || (title is null && meta.Title is null))
            && meta.Tags.SequenceEqual(tags)
            && Others(before) == Others(after);
    }

    /// <summary>The mapping written again by YamlDotNet with the new title and tags.</summary>
    public static string Reemit(string yaml, string? title, IReadOnlyList<string> tags)
    {
        var map = Load(yaml) ?? new YamlMappingNode();
        var rebuilt = new YamlMappingNode();
        if (title is not null)
        {
            rebuilt.Add(Title, new YamlScalarNode(title) { Style = ScalarStyle.DoubleQuoted });
        }

        if (tags.Count > 0)
        {
            rebuilt.Add(Tags, new YamlSequenceNode(tags.Select(t => new YamlScalarNode(t))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
        }

        foreach (var (key, value) in map.Children.Where(c => !IsTitleOrTags(c.Key)))
        {
            rebuilt.Add(key, value);
        }

        return rebuilt.Children.Count == 0 ? "" : Save(rebuilt);
    }

    /// <summary>True when the YAML is a mapping with at least one key.</summary>
    public static bool HasKeys(string yaml) => Load(yaml) is { Children.Count: > 0 };

    private static string Entries(string? title, IReadOnlyList<string> tags, string newline) =>
        (title is null ? "" : TitleLine(title) + newline) + (tags.Count == 0 ? "" : TagsLine(tags) + newline);

    private static string TitleLine(string title) => "title: " + Scalar(title);

    private static string TagsLine(IReadOnlyList<string> tags) => "tags: [" + string.Join(", ", tags.Select(Scalar)) + "]";

    private static void Replace(List<string> lines, string key, IReadOnlyList<string> with, int insertAt)
    {
        if (Find(lines, key) is { } entry)
        {
            lines.RemoveRange(entry.Start, entry.End - entry.Start);
            lines.InsertRange(entry.Start, with);
        }
        else
        {
            lines.InsertRange(Math.Min(insertAt, lines.Count), with);
        }
    }

    /// <summary>The lines [Start, End) of a top-level entry: its key line and what is indented under it.</summary>
    private static (int Start, int End)? Find(List<string> lines, string key)
    {
        var start = lines.FindIndex(l => KeyLine().Match(l) is { Success: true } m && m.Groups[1].Value == key);
        if (start < 0)
        {
            return null;
        }

        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] is ' ' or '\t' || lines[end] == "-" || lines[end].StartsWith("- ", StringComparison.Ordinal)))
        {
            end++;
        }

        // Blank lines before the next key belong to the layout, not to this entry.
        while (end > start + 1 && lines[end - 1].Trim().Length == 0)
        {
            end--;
        }

        return (start, end);
    }

    private static string Others(YamlMappingNode map)
    {
        var others = new YamlMappingNode();
        foreach (var (key, value) in map.Children.Where(c => !IsTitleOrTags(c.Key)))
        {
            others.Add(key, value);
        }

        return Save(others);
    }

    private static bool IsTitleOrTags(YamlNode key) => key is YamlScalarNode { Value: Title or Tags };

    private static YamlMappingNode? Load(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? new YamlMappingNode()
                : stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map ? map : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static string Save(YamlMappingNode map)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(map)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n");
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>A scalar plain when that reads back as the same text, double-quoted otherwise.</summary>
    private static string Scalar(string value)
    {
        if (Plain().IsMatch(value) && !Special().IsMatch(value))
        {
            return value;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._()/+-]*(?<! )$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._eE+-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Special();
}
