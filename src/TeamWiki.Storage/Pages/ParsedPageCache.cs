using System.Collections.Concurrent;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// The front matter parsed from each page blob, kept on disk between runs so a restart does not read
/// every page again to learn its title. Keyed by git blob id: a blob never changes, so an old file can
/// only lack entries, never hold wrong ones. Derived data: deleting the file loses nothing.
/// </summary>
internal sealed class ParsedPageCache(string? file)
{
    private const int FormatVersion = 1;
    private readonly Lock _saving = new();

    public ConcurrentDictionary<string, ParsedPage> Entries { get; } = new(StringComparer.Ordinal);

    public void Load()
    {
        if (file is null || !File.Exists(file))
        {
            return;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(file));
            if (reader.ReadInt32() != FormatVersion)
            {
                return;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var blob = reader.ReadString();
                var title = ReadOptional(reader);
                var heading = ReadOptional(reader);
                var description = ReadOptional(reader);
                var language = ReadOptional(reader);
                var tags = new string[reader.ReadInt32()];
                for (var t = 0; t < tags.Length; t++)
                {
                    tags[t] = reader.ReadString();
                }

                Entries.TryAdd(blob, new ParsedPage(new FrontMatter(title, tags, description, language), heading));
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException or UnauthorizedAccessException)
        {
            // A damaged cache is only slower: start empty.
            Entries.Clear();
        }
    }

    public void Save()
    {
        if (file is null)
        {
            return;
        }

        lock (_saving)
        {
            var snapshot = Entries.ToArray();
            var temp = file + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                writer.Write(FormatVersion);
                writer.Write(snapshot.Length);
                foreach (var (blob, parsed) in snapshot)
                {
                    writer.Write(blob);
                    WriteOptional(writer, parsed.Meta.Title);
                    WriteOptional(writer, parsed.Heading);
                    WriteOptional(writer, parsed.Meta.Description);
                    WriteOptional(writer, parsed.Meta.Language);
                    writer.Write(parsed.Meta.Tags.Count);
                    foreach (var tag in parsed.Meta.Tags)
                    {
                        writer.Write(tag);
                    }
                }
            }

            File.Move(temp, file, overwrite: true);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }
}

/// <summary>What the catalog keeps of a page blob.</summary>
internal sealed record ParsedPage(FrontMatter Meta, string? Heading);
