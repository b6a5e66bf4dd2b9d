using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Spaces;

public static partial class SpaceMetadata
{
    /// <summary>
    /// The file text for a space, written by the YAML library (free text double-quoted, so every line
    /// break, quote or '#' is escaped) and read back before it is returned.
    /// </summary>
    /// <exception cref="InvalidSpaceException">
    /// The settings would not read back exactly as given: saving them would silently change the space
    /// (in the worst case its visibility), so nothing is written.
    /// </exception>
    public static byte[] Write(SpaceInfo space)
    {
        var map = new YamlMappingNode
        {
            { "name", Text(space.Name) },
            { "description", Text(space.Description) },
        };
        if (space.Language is { Length: > 0 } language)
        {
            map.Add("lang", Text(language));
        }

        if (space.Colour is { } colour)
        {
            map.Add("colour", Text(colour));
        }

        map.Add("visibility", space.Visibility == SpaceVisibility.Private ? "private" : "internal");
        if (space.Archived)
        {
            map.Add("archived", "true");
        }

        map.Add("taskPrefix", Text(space.TaskPrefix));
        if (!space.Columns.SequenceEqual(SpaceInfo.DefaultColumns))
        {
            var columns = new YamlSequenceNode();
            foreach (var column in space.Columns)
            {
                columns.Add(new YamlMappingNode { { "key", Text(column.Key) }, { "name", Text(column.Name) } });
            }

            map.Add("columns", columns);
        }

        var bytes = Encoding.UTF8.GetBytes(Emit(map));
        if (!Parse(space.Key, Encoding.UTF8.GetString(bytes)).Equals(space))
        {
            throw new InvalidSpaceException("These settings would not read back the same from _space.yml (check the name, description and columns for unusual characters); nothing was saved");
        }

        return bytes;
    }

    private static string Emit(YamlMappingNode map)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        try
        {
            new YamlStream(new YamlDocument(map)).Save(new ImplicitDocumentEnd(new Emitter(writer)), assignAnchors: false);
        }
        catch (YamlException ex)
        {
            // Text YAML cannot hold at all, such as half of a UTF-16 surrogate pair.
            throw new InvalidSpaceException($"These settings cannot be written as YAML: {ex.Message}; nothing was saved");
        }

        return writer.ToString();
    }

    private static YamlScalarNode Text(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>Leaves out the "..." end marker the representation model writes after the one document.</summary>
    private sealed class ImplicitDocumentEnd(IEmitter inner) : IEmitter
    {
        public void Emit(ParsingEvent @event) => inner.Emit(@event is DocumentEnd ? new DocumentEnd(isImplicit: true) : @event);
    }
}
