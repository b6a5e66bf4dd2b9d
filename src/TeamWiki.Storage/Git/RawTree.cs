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
    public const int IdLength = 20;

    private readonly byte[] _bytes;
    private readonly int _length;
    private readonly Entry[] _entries;
    private readonly int _count;

    private RawTree(byte[] bytes, int length, Entry[] entries, int count)
    {
        _bytes = bytes;
        _length = length;
        _entries = entries;
        _count = count;
    }

    /// <summary>Where an entry starts, where its name starts and ends (at the NUL), and whether it is a folder.</summary>
    public readonly record struct Entry(int Start, int Name, int Nul, bool Folder);

    public static RawTree Empty { get; } = new([], 0, [], 0);

    public int Count => _count;

    /// <summary>The tree object's content (without git's <c>tree {size}\0</c> header).</summary>
    public ReadOnlySpan<byte> Content => _bytes.AsSpan(0, _length);

    /// <summary>A tree whose entries are already indexed: the first <paramref name="count"/> of <paramref name="entries"/> over the first <paramref name="length"/> bytes.</summary>
    internal static RawTree Indexed(byte[] bytes, int length, Entry[] entries, int count) => new(bytes, length, entries, count);

    /// <summary>Indexes the entries of a tree object's content.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed tree.</exception>
    public static RawTree Parse(byte[] bytes)
    {
        var entries = new List<Entry>(bytes.Length / 48 + 1);
        var at = 0;
        while (at < bytes.Length)
        {
            var space = Array.IndexOf(bytes, (byte)' ', at);
            var nul = space < 0 ? -1 : Array.IndexOf(bytes, (byte)0, space + 1);
            if (space <= at || nul < 0 || nul + 1 + IdLength > bytes.Length)
            {
                throw new InvalidDataException($"A tree entry at byte {at} is cut short");
            }

            entries.Add(new Entry(at, space + 1, nul, TreeFormat.IsFolderMode(bytes.AsSpan(at, space - at))));
            at = nul + 1 + IdLength;
        }

        return new RawTree(bytes, bytes.Length, [.. entries], entries.Count);
    }

    public bool IsFolder(int index) => _entries[index].Folder;

    /// <summary>The mode of entry <paramref name="index"/> as git writes it (<c>100644</c>, <c>40000</c>, …).</summary>
    public ReadOnlySpan<byte> ModeAt(int index) => _bytes.AsSpan(_entries[index].Start, _entries[index].Name - 1 - _entries[index].Start);

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
            if (at < _count && _entries[at].Folder == folder && NameAt(at).SequenceEqual(name))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The first entry that does not sort before an entry (<paramref name="name"/>, <paramref name="folder"/>).</summary>
    public int LowerBound(ReadOnlySpan<byte> name, bool folder)
    {
        int low = 0, high = _count;
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

    /// <summary>Entry <paramref name="index"/>'s offsets.</summary>
    public Entry EntryAt(int index) => _entries[index];

    /// <summary>Where the bytes of entries <paramref name="from"/> up to (not including) <paramref name="to"/> start and end.</summary>
    public (int Start, int End) Run(int from, int to) => (_entries[from].Start, to < _count ? _entries[to].Start : _length);
}
