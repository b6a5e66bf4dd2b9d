using System.IO.Compression;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Writes git objects as loose files the way git does: <c>objects/ab/cdef…</c> holding the zlib stream of
/// <c>"{type} {size}\0"</c> and the content, named by the SHA-1 of the same, written to a temporary file
/// beside it and renamed into place, read-only. Used for the blobs and trees of a save: the folder of a big
/// space is a tree of hundreds of kilobytes written on every save, and libgit2 spent tens of milliseconds on
/// it (its zlib and its collision-detecting SHA-1); .NET's zlib-ng and the platform's SHA-1 do the same in a
/// few, and libgit2 also looked into the pack folder before each write. The file is the same kind of loose
/// object git writes, by default at the compression level git uses by default (<c>core.looseCompression</c> 1).
/// </summary>
internal sealed class LooseObjectWriter(string gitDirectory)
{
    /// <summary>
    /// Deflate's "stored" blocks: a valid zlib stream that git and libgit2 read like any other, holding the
    /// bytes as they are. For the tree of a folder of thousands of pages, written on every save, deflating
    /// at the fastest level was the largest single cost of a save (about 40 % of the time under the write
    /// lock) and saved little: a third of a tree is 20-byte object ids, which do not compress, and the file
    /// shrank only from 557 to 395 KB. Stored, it costs a copy and an Adler-32. The loose file is the bigger
    /// until <c>git gc</c> packs it (as a delta against its neighbour, whatever the loose compression was).
    /// </summary>
    public const CompressionLevel Stored = CompressionLevel.NoCompression;

    /// <summary>
    /// The temporary file is created read-only (as libgit2 does: the mode applies to later opens, not to the
    /// one creating it), so no chmod follows; with write access and a shared mode .NET takes no advisory lock
    /// (nobody else knows the random name); the buffer gathers deflate's small outputs into few writes.
    /// </summary>
    private static readonly FileStreamOptions TemporaryFile = CreateOptions();

    private readonly string _objects = Path.Combine(gitDirectory, "objects");

    /// <summary>Writes an object of <paramref name="type"/> ("tree", "blob", …) unless it exists, and returns its id.</summary>
    public ObjectId Write(string type, ReadOnlySpan<byte> content, CompressionLevel level = CompressionLevel.Fastest)
    {
        var header = GitBlobId.Header(type, content.Length);
        var id = GitBlobId.Hash(type, content);
        var hex = Convert.ToHexStringLower(id);
        var folder = Path.Combine(_objects, hex[..2]);
        var file = Path.Combine(folder, hex[2..]);
        if (File.Exists(file))
        {
            Freshen(file);
            return new ObjectId(id);
        }

        Directory.CreateDirectory(folder);
        // git's prune removes leftovers called tmp_obj_* (a write cut short by a crash).
        var temporary = Path.Combine(folder, "tmp_obj_" + Guid.NewGuid().ToString("n"));
        try
        {
            using (var stream = new FileStream(temporary, TemporaryFile))
            using (var zlib = new ZLibStream(stream, level))
            {
                zlib.Write(header);
                zlib.Write(content);
            }

            File.Move(temporary, file);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another writer put the same object there first: the same bytes.
            File.Delete(temporary);
        }

        return new ObjectId(id);
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 64 * 1024 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        return options;
    }

    /// <summary>
    /// An object found already written may be an unreachable leftover that <c>git gc</c> is about to prune
    /// for its age; a new modification time keeps it, as libgit2 and git do when they "write" it again.
    /// </summary>
    private static void Freshen(string file)
    {
        try
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
