using System.Runtime.InteropServices;

namespace TeamWiki.Storage.Git;

/// <summary>
/// git's three-way merge of one file's contents (libgit2 <c>git_merge_file</c>), in memory. The
/// committer merges each file a save touches on its own, so a merge can never take in, move or report
/// any other file of the tree: a whole-tree merge with rename detection could apply an edit to a page
/// that was moved into another space, or report that page's text in a conflict.
/// </summary>
internal static class FileMerge
{
    private const uint InputVersion = 1;
    private const uint RegularFile = 0x81A4; // 0100644

    /// <summary>git's test for binary content: a NUL byte in the first 8000 bytes.</summary>
    private const int BinaryProbe = 8000;

    /// <summary>A name for the merge to work with; it only shows in conflict markers, which are never kept.</summary>
    private static readonly IntPtr FileName = Marshal.StringToCoTaskMemUTF8("file");

    /// <summary>
    /// The merged contents of <paramref name="ours"/> and <paramref name="theirs"/>, both changed from
    /// <paramref name="ancestor"/> (null: the file did not exist, two adds); null when the changes
    /// overlap or a side is binary.
    /// </summary>
    public static byte[]? Merge(byte[]? ancestor, byte[] ours, byte[] theirs)
    {
        if (IsBinary(ancestor) || IsBinary(ours) || IsBinary(theirs))
        {
            return null;
        }

        var pins = new[] { ancestor ?? [], ours, theirs }.Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToArray();
        try
        {
            var code = NativeGit.MergeFile(out var result, Input(pins[0], ancestor?.Length ?? 0), Input(pins[1], ours.Length), Input(pins[2], theirs.Length), IntPtr.Zero);
            if (code < 0)
            {
                throw new LibGit2Sharp.LibGit2SharpException("Merging file contents failed: " + NativeGit.LastError(code));
            }

            try
            {
                if (result.Automergeable == 0)
                {
                    return null;
                }

                var merged = new byte[checked((int)result.Length)];
                Marshal.Copy(result.Pointer, merged, 0, merged.Length);
                return merged;
            }
            finally
            {
                NativeGit.MergeFileResultFree(ref result);
            }
        }
        finally
        {
            foreach (var pin in pins)
            {
                pin.Free();
            }
        }
    }

    private static NativeGit.MergeFileInput Input(GCHandle pinned, int length) => new()
    {
        Version = InputVersion,
        Pointer = pinned.AddrOfPinnedObject(),
        Size = (nuint)length,
        Path = FileName,
        Mode = RegularFile,
    };

    private static bool IsBinary(byte[]? content) =>
        content is not null && content.AsSpan(0, Math.Min(content.Length, BinaryProbe)).Contains((byte)0);
}
