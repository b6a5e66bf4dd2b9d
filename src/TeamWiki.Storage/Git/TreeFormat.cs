using System.Buffers;
using System.Text;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>How git writes the entries of a tree object, and the order it keeps them in.</summary>
internal static class TreeFormat
{
    /// <summary>Writes one entry as git serialises it.</summary>
    public static void WriteEntry(IBufferWriter<byte> into, ReadOnlySpan<byte> mode, ReadOnlySpan<byte> name, ObjectId id)
    {
        into.Write(mode);
        into.Write(" "u8);
        into.Write(name);
        into.Write("\0"u8);
        into.Write(id.RawId);
    }

    /// <summary>A mode as git writes it in a tree: octal, no leading zero (<c>40000</c>, <c>100644</c>).</summary>
    public static byte[] ModeBytes(Mode mode) => Encoding.ASCII.GetBytes(Convert.ToString((int)mode, 8));

    /// <summary>
    /// git's order of tree entries (<c>base_name_compare</c>): names compared byte by byte, where a
    /// folder's name counts as if it ended in '/'. So "a.b" (0x2E) comes before the folder "a" ("a/",
    /// 0x2F), which comes before "a0" (0x30); the file "a" comes before all three.
    /// </summary>
    public static int Compare(ReadOnlySpan<byte> a, bool aFolder, ReadOnlySpan<byte> b, bool bFolder)
    {
        var common = Math.Min(a.Length, b.Length);
        var order = a[..common].SequenceCompareTo(b[..common]);
        if (order != 0)
        {
            return order;
        }

        int nextA = a.Length > common ? a[common] : aFolder ? '/' : 0;
        int nextB = b.Length > common ? b[common] : bFolder ? '/' : 0;
        return nextA.CompareTo(nextB);
    }

    /// <summary>A folder is mode 040000 (written "40000"): the type bits of the octal mode are 04.</summary>
    public static bool IsFolderMode(ReadOnlySpan<byte> mode)
    {
        var value = 0;
        foreach (var digit in mode)
        {
            value = value * 8 + (digit - '0');
        }

        return (value & 0xF000) == 0x4000;
    }
}
