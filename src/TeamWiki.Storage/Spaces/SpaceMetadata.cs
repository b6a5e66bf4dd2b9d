using System.Text;
using System.Text.RegularExpressions;
using TeamWiki.Storage.Pages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Spaces;

/// <summary>Reads and writes a space's <c>_space.yml</c>. A hand-edited file with mistakes still gives a usable space.</summary>
public static partial class SpaceMetadata
{
    /// <summary>File name of the metadata file inside a space folder.</summary>
    public const string FileName = "_space.yml";

    /// <summary>Builds the space record from the metadata file's text (null: no file).</summary>
    public static SpaceInfo Parse(string key, string? yaml)
    {
        YamlMappingNode? map = null;
        if (yaml is not null)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                map = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
            }
            catch (YamlException)
            {
                map = null;
            }
        }

        var colour = Scalar(map, "colour") ?? Scalar(map, "color");
        return new SpaceInfo(key, Scalar(map, "name") ?? PageTitles.FromSlug(key), Scalar(map, "description") ?? "",
            Scalar(map, "lang") ?? Scalar(map, "language"))
        {
            Colour = colour is not null && ColourPattern().IsMatch(colour) ? colour.ToLowerInvariant() : null,
            Visibility = string.Equals(Scalar(map, "visibility"), "private", StringComparison.OrdinalIgnoreCase) ? SpaceVisibility.Private : SpaceVisibility.Internal,
            Archived = string.Equals(Scalar(map, "archived"), "true", StringComparison.OrdinalIgnoreCase),
            TaskPrefix = NormalisePrefix(Scalar(map, "taskPrefix") ?? Scalar(map, "prefix")) ?? DefaultPrefix(key),
            Columns = Columns(map) ?? SpaceInfo.DefaultColumns,
        };
    }

    /// <summary>The file text for a space.</summary>
    public static byte[] Write(SpaceInfo space)
    {
        var sb = new StringBuilder();
        sb.Append("name: ").Append(Quote(space.Name)).Append('\n');
        sb.Append("description: ").Append(Quote(space.Description)).Append('\n');
        if (space.Language is { Length: > 0 } language)
        {
            sb.Append("lang: ").Append(Quote(language)).Append('\n');
        }

        if (space.Colour is { } colour)
        {
            sb.Append("colour: ").Append(Quote(colour)).Append('\n');
        }

        sb.Append("visibility: ").Append(space.Visibility == SpaceVisibility.Private ? "private" : "internal").Append('\n');
        if (space.Archived)
        {
            sb.Append("archived: true\n");
        }

        sb.Append("taskPrefix: ").Append(space.TaskPrefix).Append('\n');
        if (!space.Columns.SequenceEqual(SpaceInfo.DefaultColumns))
        {
            sb.Append("columns:\n");
            foreach (var column in space.Columns)
            {
                sb.Append("  - key: ").Append(column.Key).Append('\n');
                sb.Append("    name: ").Append(Quote(column.Name)).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Upper-case letters and digits, 1 to 8, starting with a letter; null when nothing usable.</summary>
    public static string? NormalisePrefix(string? prefix)
    {
        if (prefix is null)
        {
            return null;
        }

        var clean = new string(Slug.From(prefix).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return clean.Length is >= 1 and <= 8 && char.IsAsciiLetter(clean[0]) ? clean : null;
    }

    /// <summary>"project-atlas" → "PA", "handboek" → "HA": initials of the key's parts, or its first two letters.</summary>
    public static string DefaultPrefix(string key)
    {
        var parts = key.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(p => char.IsAsciiLetter(p[0])).ToList();
        var prefix = parts.Count >= 2 ? string.Concat(parts.Take(4).Select(p => p[0])) : new string(key.Where(char.IsAsciiLetter).Take(2).ToArray());
        return prefix.Length == 0 ? "T" : prefix.ToUpperInvariant();
    }

    private static IReadOnlyList<BoardColumn>? Columns(YamlMappingNode? map)
    {
        if (map is null || !map.Children.TryGetValue(new YamlScalarNode("columns"), out var node) || node is not YamlSequenceNode seq)
        {
            return null;
        }

        var columns = new List<BoardColumn>();
        foreach (var item in seq.Children)
        {
            var (key, name) = item switch
            {
                YamlMappingNode m => (Scalar(m, "key"), Scalar(m, "name")),
                YamlScalarNode s => (s.Value, s.Value),
                _ => (null, null),
            };
            var slug = key is null ? "" : Slug.From(key);
            if (slug.Length > 0 && columns.All(c => c.Key != slug))
            {
                columns.Add(new BoardColumn(slug, string.IsNullOrWhiteSpace(name) ? PageTitles.FromSlug(slug) : name.Trim()));
            }
        }

        return columns.Count >= 2 ? columns : null;
    }

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } v }
            && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
