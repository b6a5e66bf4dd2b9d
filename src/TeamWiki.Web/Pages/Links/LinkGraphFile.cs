using System.Text;
using TeamWiki.Storage.Caching;

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

    /// <summary>The commit and each linking page's targets; null when the file is missing or cannot be trusted.</summary>
    public static (string Commit, Dictionary<string, IReadOnlyList<string>> Targets)? Read(string file)
    {
        try
        {
            if (KeptFile.ReadVerified(file, Magic, FormatVersion) is not { } bytes)
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, KeptFile.HeaderLength, bytes.Length - KeptFile.HeaderLength, writable: false), Encoding.UTF8);
            var commit = reader.ReadString();
            // A page is at least its path's length byte and its count; a target at least its length byte.
            var pages = KeptFile.Count(reader, minBytesEach: 5);
            var targets = new Dictionary<string, IReadOnlyList<string>>(pages, StringComparer.Ordinal);
            for (var i = 0; i < pages; i++)
            {
                var source = reader.ReadString();
                var list = new string[KeptFile.Count(reader, minBytesEach: 1)];
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

        KeptFile.Write(file, Magic, FormatVersion, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }
}
