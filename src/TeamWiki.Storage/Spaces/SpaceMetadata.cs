using System.Text.RegularExpressions;
using TeamWiki.Storage.Pages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Spaces;

/// <summary>
/// Reads and writes a space's <c>_space.yml</c>. Small mistakes (a bad colour, too few columns) fall back
/// to the default for that one setting; a file that cannot be read at all, or whose visibility is not
/// understood, makes the space private (see <see cref="SpaceInfo.SettingsProblem"/>): failing open would
/// show a private space to every member of staff.
/// </summary>
public static partial class SpaceMetadata
{
    /// <summary>File name of the metadata file inside a space folder.</summary>
    public const string FileName = "_space.yml";

    /// <summary>Builds the space record from the metadata file's text (null: no file).</summary>
    public static SpaceInfo Parse(string key, string? yaml)
    {
        if (yaml is null)
        {
            // A folder nobody described yet: an ordinary internal space named after its key.
            return FromMap(key, null, SpaceVisibility.Internal);
        }

        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return Unreadable(key, null, "the file holds no settings (it is empty or not a list of \"key: value\" lines)");
            }

            map = root;
        }
        catch (YamlException ex)
        {
            return Unreadable(key, null, $"line {ex.Start.Line}: {ex.Message}");
        }

        return VisibilityOf(map) is { } visibility
            ? FromMap(key, map, visibility)
            : Unreadable(key, map, "\"visibility\" is neither internal nor private");
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

    private static SpaceInfo FromMap(string key, YamlMappingNode? map, SpaceVisibility visibility)
    {
        var colour = Scalar(map, "colour") ?? Scalar(map, "color");
        return new SpaceInfo(key, Scalar(map, "name") ?? PageTitles.FromSlug(key), Scalar(map, "description") ?? "",
            Scalar(map, "lang") ?? Scalar(map, "language"))
        {
            Colour = colour is not null && ColourPattern().IsMatch(colour) ? colour.ToLowerInvariant() : null,
            Visibility = visibility,
            Archived = string.Equals(Scalar(map, "archived"), "true", StringComparison.OrdinalIgnoreCase),
            TaskPrefix = NormalisePrefix(Scalar(map, "taskPrefix") ?? Scalar(map, "prefix")) ?? DefaultPrefix(key),
            Columns = Columns(map) ?? SpaceInfo.DefaultColumns,
        };
    }

    /// <summary>
    /// A space whose settings file exists but could not be read (its blob is missing from the object store):
    /// private, like a file that does not parse, rather than the internal space an absent file means.
    /// </summary>
    public static SpaceInfo Missing(string key) => Unreadable(key, null, "the file's contents could not be read");

    /// <summary>Fails closed: private, with the reason, keeping whatever else could be read.</summary>
    private static SpaceInfo Unreadable(string key, YamlMappingNode? map, string problem) =>
        FromMap(key, map, SpaceVisibility.Private) with { SettingsProblem = problem };

    /// <summary>Internal when absent; null when present but not one of the two values (a typo must not open a space).</summary>
    private static SpaceVisibility? VisibilityOf(YamlMappingNode map)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("visibility"), out var node))
        {
            return SpaceVisibility.Internal;
        }

        return (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() switch
        {
            "internal" => SpaceVisibility.Internal,
            "private" => SpaceVisibility.Private,
            _ => null,
        };
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

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();
}
