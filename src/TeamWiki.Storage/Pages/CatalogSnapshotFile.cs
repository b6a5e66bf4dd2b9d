using TeamWiki.Storage.Caching;
using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// The catalog as it was at one commit, kept on disk so a restart loads it instead of listing every file
/// of the tree and parsing every page: the files the catalog uses besides pages (space settings, tasks,
/// deleted tasks' numbers, documents) with their blob ids, then the pages space by space, each page with its
/// blob id and the front matter parsed from it. A space's pages are a block with its page count and path
/// hash in front: the start reads only those and keeps the block's bytes (<see cref="KeptSpace"/>), which
/// are decoded when a request first asks for that space, and written back as they are while it is unchanged.
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
    private const int FormatVersion = 4;

    /// <summary>Reads the file; null when it is missing or cannot be trusted.</summary>
    public static PersistedCatalog? Read(string file)
    {
        try
        {
            if (KeptFile.ReadVerified(file, Magic, FormatVersion) is not { } bytes)
            {
                return null;
            }

            const int header = KeptFile.HeaderLength;
            using var stream = new MemoryStream(bytes, header, bytes.Length - header, writable: false);
            using var reader = new BinaryReader(stream);
            var commit = reader.ReadString();
            // A row is at least its path's length byte and its kind byte.
            var files = new GitChange[KeptFile.Count(reader, minBytesEach: 2)];
            for (var i = 0; i < files.Length; i++)
            {
                var path = reader.ReadString();
                var blob = reader.ReadBoolean() ? Convert.ToHexStringLower(reader.ReadBytes(reader.ReadByte())) : "";
                files[i] = new GitChange(path, blob);
            }

            // A space's block: its key, page count, path hash and length, then its rows, skipped here.
            var spaces = new KeptSpace[KeptFile.Count(reader, minBytesEach: 17)];
            for (var i = 0; i < spaces.Length; i++)
            {
                var key = reader.ReadString();
                var pages = reader.ReadInt32();
                var pathHash = reader.ReadInt64();
                var length = KeptFile.Count(reader, minBytesEach: 1);
                var start = header + (int)stream.Position;
                if (!Skim(bytes.AsSpan(start, length), pages))
                {
                    return null;
                }

                spaces[i] = new KeptSpace(key, pages, pathHash, bytes.AsMemory(start, length));
                stream.Position += length;
            }

            return new PersistedCatalog(commit, files, spaces);
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
    /// <param name="files">The files the catalog uses besides pages, with their blob ids ("" for a file kept by its path only).</param>
    /// <param name="spaces">Each space's pages: a block kept from the file read at start, or the pages with their parses.</param>
    public static void Write(string file, string commit, IReadOnlyCollection<GitChange> files, IReadOnlyCollection<KeptSpace> spaces)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(commit);
            writer.Write(files.Count);
            foreach (var entry in files)
            {
                writer.Write(entry.Path);
                writer.Write(entry.BlobId is { Length: > 0 });
                if (entry.BlobId is { Length: > 0 } blob)
                {
                    WriteBlob(writer, blob);
                }
            }

            writer.Write(spaces.Count);
            foreach (var space in spaces)
            {
                writer.Write(space.Key);
                writer.Write(space.Count);
                writer.Write(space.PathHash);
                writer.Write(space.Rows.Length);
                writer.Write(space.Rows.Span);
            }
        }

        KeptFile.Write(file, Magic, FormatVersion, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    /// <summary>The block of a space's pages (each with its parse), as <see cref="KeptSpace.Pages"/> reads it back.</summary>
    public static KeptSpace Encode(string space, IReadOnlyCollection<KeptPage> pages, long pathHash)
    {
        var rows = new MemoryStream();
        using (var writer = new BinaryWriter(rows, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var page in pages)
            {
                writer.Write(page.FilePath);
                WriteBlob(writer, page.BlobId);
                WriteOptional(writer, page.Parse.Meta.Title);
                WriteOptional(writer, page.Parse.Heading);
                WriteOptional(writer, page.Parse.Meta.Description);
                WriteOptional(writer, page.Parse.Meta.Language);
                writer.Write(page.Parse.Meta.Tags.Count);
                foreach (var tag in page.Parse.Meta.Tags)
                {
                    writer.Write(tag);
                }
            }
        }

        return new KeptSpace(space, pages.Count, pathHash, rows.ToArray());
    }

    /// <summary>The pages of a block (see <see cref="Encode"/>).</summary>
    /// <exception cref="InvalidDataException">The block does not hold what its count says.</exception>
    public static List<KeptPage> Decode(KeptSpace space)
    {
        var array = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(space.Rows, out var segment) ? segment : new ArraySegment<byte>(space.Rows.ToArray());
        using var reader = new BinaryReader(new MemoryStream(array.Array!, array.Offset, array.Count, writable: false));
        // A page row is at least its path, blob length, four optional flags and a tag count.
        if (space.Count < 0 || space.Count > array.Count / 10)
        {
            throw new InvalidDataException($"A space of {space.Count} pages in {array.Count} bytes of the catalog file");
        }

        var pages = new List<KeptPage>(space.Count);
        for (var i = 0; i < space.Count; i++)
        {
            var path = reader.ReadString();
            var blob = Convert.ToHexStringLower(reader.ReadBytes(reader.ReadByte()));
            var title = ReadOptional(reader);
            var heading = ReadOptional(reader);
            var description = ReadOptional(reader);
            var language = ReadOptional(reader);
            var tags = new string[KeptFile.Count(reader, minBytesEach: 1)];
            for (var t = 0; t < tags.Length; t++)
            {
                tags[t] = reader.ReadString();
            }

            pages.Add(new KeptPage(path, blob, new ParsedPage(new FrontMatter(title, tags, description, language), heading)));
        }

        return pages;
    }

    /// <summary>
    /// True when <paramref name="block"/> is exactly <paramref name="count"/> page rows, every length and count in
    /// them within the block: checked at start without making a string, so decoding a space later cannot fail and
    /// the page counts the catalog reports before that are true.
    /// </summary>
    private static bool Skim(ReadOnlySpan<byte> block, int count)
    {
        var at = 0;
        for (var row = 0; row < count; row++)
        {
            // Path, blob id, title, heading, description, language, tags.
            if (!SkipString(block, ref at) || at >= block.Length)
            {
                return false;
            }

            at += 1 + block[at];
            for (var optional = 0; optional < 4; optional++)
            {
                if (at >= block.Length)
                {
                    return false;
                }

                if (block[at++] != 0 && !SkipString(block, ref at))
                {
                    return false;
                }
            }

            if (at + 4 > block.Length)
            {
                return false;
            }

            var tags = BitConverter.ToInt32(block[at..(at + 4)]);
            at += 4;
            if (tags < 0 || tags > block.Length - at)
            {
                return false;
            }

            for (var tag = 0; tag < tags; tag++)
            {
                if (!SkipString(block, ref at))
                {
                    return false;
                }
            }
        }

        return at == block.Length;
    }

    /// <summary>Steps over a <see cref="BinaryWriter"/> string (its length as a 7-bit encoded number, then its bytes).</summary>
    private static bool SkipString(ReadOnlySpan<byte> block, ref int at)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (at >= block.Length || shift > 28)
            {
                return false;
            }

            var b = block[at++];
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (length < 0 || length > block.Length - at)
        {
            return false;
        }

        at += length;
        return true;
    }

    private static void WriteBlob(BinaryWriter writer, string blob)
    {
        // A blob id as its bytes, not its hex: half the file to read and hash at start.
        var bytes = Convert.FromHexString(blob);
        writer.Write((byte)bytes.Length);
        writer.Write(bytes);
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

/// <summary>
/// A space's pages as the kept catalog file holds them: the count and path hash, and the encoded rows
/// (<see cref="CatalogSnapshotFile.Decode"/>), decoded when the space is first used.
/// </summary>
internal sealed record KeptSpace(string Key, int Count, long PathHash, ReadOnlyMemory<byte> Rows)
{
    /// <summary>The pages of the block.</summary>
    public List<KeptPage> Pages() => CatalogSnapshotFile.Decode(this);
}

/// <summary>A catalog read back from disk: the files besides pages it used at <paramref name="Commit"/>, and each space's pages.</summary>
internal sealed record PersistedCatalog(string Commit, IReadOnlyList<GitChange> Files, IReadOnlyList<KeptSpace> Spaces);
