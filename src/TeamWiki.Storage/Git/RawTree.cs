using System.Buffers;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// A git tree object as its bytes: entries of <c>mode SP name NUL id</c> (mode in octal ASCII, no leading
/// zero: <c>40000</c> for a folder, <c>100644</c> for a file; the id as 20 raw bytes), in git's order
/// (<see cref="TreeFormat.Compare"/>). Only the offsets of the entries are indexed, so that a change to one entry
/// of a folder of thousands copies the bytes around it instead of taking every entry apart.
/// </summary>
internal sealed class RawTree
{
    private const int IdLength = 20;

    private readonly byte[] _bytes;

    // Where each entry starts, where its name starts and ends (at the NUL), and whether it is a folder.
    private readonly (int Start, int Name, int Nul, bool Folder)[] _entries;

    private RawTree(byte[] bytes, (int, int, int, bool)[] entries)
    {
        _bytes = bytes;
        _entries = entries;
    }

    public static RawTree Empty { get; } = new([], []);

    public int Count => _entries.Length;

    /// <summary>Indexes the entries of a tree object's content.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed tree.</exception>
    public static RawTree Parse(byte[] bytes)
    {
        var entries = new List<(int, int, int, bool)>(bytes.Length / 48 + 1);
        var at = 0;
        while (at < bytes.Length)
        {
            var space = Array.IndexOf(bytes, (byte)' ', at);
            var nul = space < 0 ? -1 : Array.IndexOf(bytes, (byte)0, space + 1);
            if (space <= at || nul < 0 || nul + 1 + IdLength > bytes.Length)
            {
                throw new InvalidDataException($"A tree entry at byte {at} is cut short");
            }

            entries.Add((at, space + 1, nul, TreeFormat.IsFolderMode(bytes.AsSpan(at, space - at))));
            at = nul + 1 + IdLength;
        }

        return new RawTree(bytes, entries.ToArray());
    }

    public bool IsFolder(int index) => _entries[index].Folder;

    public ReadOnlySpan<byte> NameAt(int index) => _bytes.AsSpan(_entries[index].Name, _entries[index].Nul - _entries[index].Name);

    public ObjectId IdAt(int index) => new(_bytes.AsSpan(_entries[index].Nul + 1, IdLength).ToArray());

    /// <summary>True when entry <paramref name="index"/> is exactly this mode and object.</summary>
    public bool Holds(int index, ReadOnlySpan<byte> mode, ObjectId id)
    {
        var (start, name, nul, _) = _entries[index];
        return _bytes.AsSpan(start, name - 1 - start).SequenceEqual(mode) && _bytes.AsSpan(nul + 1, IdLength).SequenceEqual(id.RawId);
    }

    /// <summary>The entry called <paramref name="name"/> (a file or a folder: a name is used once per tree), or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        foreach (var folder in (ReadOnlySpan<bool>)[false, true])
        {
            var at = LowerBound(name, folder);
            if (at < _entries.Length && _entries[at].Folder == folder && NameAt(at).SequenceEqual(name))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The first entry that does not sort before an entry (<paramref name="name"/>, <paramref name="folder"/>).</summary>
    public int LowerBound(ReadOnlySpan<byte> name, bool folder)
    {
        int low = 0, high = _entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (TreeFormat.Compare(NameAt(middle), _entries[middle].Folder, name, folder) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Copies the bytes of entries <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public void CopyEntries(int from, int to, IBufferWriter<byte> into)
    {
        if (from < to)
        {
            var end = to < _entries.Length ? _entries[to].Start : _bytes.Length;
            into.Write(_bytes.AsSpan(_entries[from].Start, end - _entries[from].Start));
        }
    }
}
