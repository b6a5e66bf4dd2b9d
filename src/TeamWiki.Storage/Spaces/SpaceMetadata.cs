using System.Text;
using TeamWiki.Storage.Pages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Spaces;

/// <summary>Reads and writes a space's <c>_space.yml</c>.</summary>
public static class SpaceMetadata
{
    /// <summary>File name of the metadata file inside a space folder.</summary>
    public const string FileName = "_space.yml";

    /// <summary>Builds the space record from the metadata file's text (null: no file).</summary>
    public static SpaceInfo Parse(string key, string? yaml)
    {
        string? name = null, description = null, language = null;
        if (yaml is not null)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
                {
                    name = Scalar(map, "name");
                    description = Scalar(map, "description");
                    language = Scalar(map, "lang") ?? Scalar(map, "language");
                }
            }
            catch (YamlException)
            {
                // A hand-edited file with a typo still leaves a usable space.
            }
        }

        return new SpaceInfo(key, name ?? PageTitles.FromSlug(key), description ?? "", language);
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
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } v }
            && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
