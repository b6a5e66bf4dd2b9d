using System.Security.Cryptography;
using System.Text;

namespace TeamWiki.Web.Pages.Links;

/// <summary>
/// The link graph as it was at one commit, kept on disk (<c>cache/links.bin</c>) so a restart need not read
/// and parse every page to answer the first "Linked from": at 100,000 pages that is a Markdown parse of each
/// of them on the first page view. Derived data keyed by its commit: the graph starts from it only when that
/// commit is still on the branch and catches up from the change feed as after any commit. A missing file, one
/// of another format (the link extraction changed), cut short or damaged (its SHA-256 does not match) is
/// ignored and the graph is built from the catalog as before. Counts are held against the bytes left, so a
/// forged count cannot make the start allocate more than the file's size.
/// </summary>
internal static class LinkGraphFile
{
    // "TWLG"; raise the version whenever what counts as a link target changes (the kept targets would be stale).
    private const int Magic = 0x474C5754;
    private const int FormatVersion = 1;
    private const int HashLength = 32;
    private const int Header = 4 + 4 + HashLength;

    /// <summary>The commit and each linking page's targets; null when the file is missing or cannot be trusted.</summary>
    public static (string Commit, Dictionary<string, IReadOnlyList<string>> Targets)? Read(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < Header || BitConverter.ToInt32(bytes, 0) != Magic || BitConverter.ToInt32(bytes, 4) != FormatVersion
                || !SHA256.HashData(bytes.AsSpan(Header)).AsSpan().SequenceEqual(bytes.AsSpan(8, HashLength)))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, Header, bytes.Length - Header, writable: false), Encoding.UTF8);
            var commit = reader.ReadString();
            // A page is at least its path's length byte and its count; a target at least its length byte.
            var pages = Count(reader, minBytesEach: 5);
            var targets = new Dictionary<string, IReadOnlyList<string>>(pages, StringComparer.Ordinal);
            for (var i = 0; i < pages; i++)
            {
                var source = reader.ReadString();
                var list = new string[Count(reader, minBytesEach: 1)];
                for (var t = 0; t < list.Length; t++)
                {
                    list[t] = reader.ReadString();
                }

                targets[source] = list;
            }

            return (commit, targets);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            // Only a speed-up: without it the graph is built from the catalog.
            return null;
        }
    }

    /// <summary>Writes the file (to a temporary file first, so a crash leaves the old one or the new one).</summary>
    public static void Write(string file, string commit, IReadOnlyCollection<KeyValuePair<string, IReadOnlyList<string>>> targets)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(commit);
            writer.Write(targets.Count);
            foreach (var (source, list) in targets)
            {
                writer.Write(source);
                writer.Write(list.Count);
                foreach (var target in list)
                {
                    writer.Write(target);
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

    /// <exception cref="InvalidDataException">Negative, or more than the rest of the file can hold.</exception>
    private static int Count(BinaryReader reader, int minBytesEach)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && count <= left / minBytesEach
            ? count
            : throw new InvalidDataException($"A count of {count} with {left} bytes left in the link graph file");
    }
}
