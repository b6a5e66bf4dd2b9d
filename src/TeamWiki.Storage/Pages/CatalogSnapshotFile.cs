using System.Security.Cryptography;
using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// The catalog as it was at one commit, kept on disk so a restart loads it instead of listing every file
/// of the tree and parsing every page: the files the catalog uses (pages, space settings, tasks, deleted
/// tasks' numbers, documents) with their blob ids, and the front matter parsed from each page blob.
/// Derived data, keyed by the commit it shows: the catalog uses it as its starting point only when that
/// commit is on the branch (applying the diff to the tip, as after any commit), and its parses by blob id
/// whatever the commit (a blob never changes). A file that is missing, of another format, cut short or
/// damaged (its SHA-256 does not match) is ignored, and the catalog lists the tree as before. The hash
/// proves nothing against a file written on purpose, so every count read from it is held against the
/// bytes left: a forged count cannot make the start allocate more than the file's own size.
/// </summary>
internal static class CatalogSnapshotFile
{
    // "TWCS": not the format of the parse cache that used the same file name before (which began with its version, 1).
    private const int Magic = 0x53435754;
    private const int FormatVersion = 3;
    private const int HashLength = 32;

    /// <summary>Reads the file; null when it is missing or cannot be trusted.</summary>
    public static PersistedCatalog? Read(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(file);
            const int header = 4 + 4 + HashLength;
            if (bytes.Length < header || BitConverter.ToInt32(bytes, 0) != Magic || BitConverter.ToInt32(bytes, 4) != FormatVersion)
            {
                return null;
            }

            var payload = bytes.AsSpan(header);
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(8, HashLength)))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, header, bytes.Length - header, writable: false));
            var commit = reader.ReadString();
            // A row is at least its path's length byte and its kind byte; a tag at least its length byte.
            var files = new GitChange[Count(reader, minBytesEach: 2)];
            var parsed = new Dictionary<string, ParsedPage>(files.Length, StringComparer.Ordinal);
            for (var i = 0; i < files.Length; i++)
            {
                var path = reader.ReadString();
                var row = (Row)reader.ReadByte();
                var blob = row == Row.NoBlob ? "" : Convert.ToHexStringLower(reader.ReadBytes(reader.ReadByte()));
                files[i] = new GitChange(path, blob);
                if (row == Row.Page)
                {
                    var title = ReadOptional(reader);
                    var heading = ReadOptional(reader);
                    var description = ReadOptional(reader);
                    var language = ReadOptional(reader);
                    var tags = new string[Count(reader, minBytesEach: 1)];
                    for (var t = 0; t < tags.Length; t++)
                    {
                        tags[t] = reader.ReadString();
                    }

                    parsed.TryAdd(blob, new ParsedPage(new FrontMatter(title, tags, description, language), heading));
                }
            }

            return new PersistedCatalog(commit, files, parsed);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            // Only a speed-up for the start: without it the tree is listed.
            return null;
        }
    }

    /// <summary>Writes the file (to a temporary file first, so a crash leaves the old one or the new one).</summary>
    /// <param name="file">Where.</param>
    /// <param name="commit">The commit the files are those of.</param>
    /// <param name="files">The files the catalog uses, with their blob ids ("" for a file kept by its path only).</param>
    /// <param name="parseOf">The parsed front matter of a page blob, or null.</param>
    public static void Write(string file, string commit, IReadOnlyCollection<GitChange> files, Func<string, ParsedPage?> parseOf)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(commit);
            writer.Write(files.Count);
            foreach (var entry in files)
            {
                writer.Write(entry.Path);
                if (entry.BlobId is not { Length: > 0 } blob)
                {
                    writer.Write((byte)Row.NoBlob);
                    continue;
                }

                // A blob id as its bytes, not its hex: half the file to read and hash at start.
                var page = parseOf(blob);
                var bytes = Convert.FromHexString(blob);
                writer.Write((byte)(page is null ? Row.Blob : Row.Page));
                writer.Write((byte)bytes.Length);
                writer.Write(bytes);
                if (page is not null)
                {
                    WriteOptional(writer, page.Meta.Title);
                    WriteOptional(writer, page.Heading);
                    WriteOptional(writer, page.Meta.Description);
                    WriteOptional(writer, page.Meta.Language);
                    writer.Write(page.Meta.Tags.Count);
                    foreach (var tag in page.Meta.Tags)
                    {
                        writer.Write(tag);
                    }
                }
            }
        }

        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        using (var stream = File.Create(temp))
        {
            stream.Write(BitConverter.GetBytes(Magic));
            stream.Write(BitConverter.GetBytes(FormatVersion));
            stream.Write(SHA256.HashData(body));
            stream.Write(body);
        }

        File.Move(temp, file, overwrite: true);
    }

    /// <summary>What follows a file's path.</summary>
    private enum Row : byte
    {
        /// <summary>Nothing: a file the catalog knows by its path only (a deleted task's number).</summary>
        NoBlob,

        /// <summary>The blob id.</summary>
        Blob,

        /// <summary>The blob id and the front matter parsed from it.</summary>
        Page,
    }

    /// <summary>A count from the file, when that many items of at least <paramref name="minBytesEach"/> bytes fit in what is left of it.</summary>
    /// <exception cref="InvalidDataException">Negative, or more than the rest of the file can hold.</exception>
    private static int Count(BinaryReader reader, int minBytesEach)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && count <= left / minBytesEach
            ? count
            : throw new InvalidDataException($"A count of {count} with {left} bytes left in the catalog file");
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

/// <summary>A catalog read back from disk: the files it used at <paramref name="Commit"/> and the parses of page blobs.</summary>
internal sealed record PersistedCatalog(string Commit, IReadOnlyList<GitChange> Files, IReadOnlyDictionary<string, ParsedPage> Parsed);
