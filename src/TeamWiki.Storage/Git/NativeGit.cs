using System.Runtime.InteropServices;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The few libgit2 calls LibGit2Sharp does not expose, called in the native library that
/// LibGit2Sharp.NativeBinaries ships (the same file LibGit2Sharp loads, found through the app's
/// deps.json). Its name carries the libgit2 commit: bump <see cref="Library"/> with LibGit2Sharp.
/// </summary>
internal static class NativeGit
{
    /// <summary>LibGit2Sharp 0.32 / LibGit2Sharp.NativeBinaries 2.0.324 (libgit2 5853918).</summary>
    internal const string Library = "git2-5853918";

    /// <summary>GIT_ENOTFOUND: the reference does not exist.</summary>
    public const int NotFound = -3;

    /// <summary>GIT_ELOCKED: a lock file is in the way (someone else is writing the reference).</summary>
    public const int Locked = -14;

    /// <summary>GIT_EMODIFIED: the reference no longer holds the expected value.</summary>
    public const int Modified = -15;

    [DllImport(Library, EntryPoint = "git_libgit2_init")]
    public static extern int Init();

    /// <summary>GIT_OPT_SET_CACHE_OBJECT_LIMIT: the largest object of a type that the per-repository object cache keeps.</summary>
    private const int SetCacheObjectLimit = 6;

    /// <summary>GIT_OPT_SET_CACHE_MAX_SIZE: the most memory all object caches together may hold.</summary>
    private const int SetCacheMaxSize = 7;

    /// <summary>GIT_OPT_ENABLE_STRICT_OBJECT_CREATION.</summary>
    private const int EnableStrictObjectCreation = 14;

    /// <summary>GIT_OBJECT_TREE.</summary>
    private const int TreeType = 2;

    // git_libgit2_opts is variadic; this option reads an int (the object type) and a size_t, which the
    // x64 and arm64 calling conventions pass exactly as these fixed arguments.
    [DllImport(Library, EntryPoint = "git_libgit2_opts")]
    private static extern int Options(int option, int type, nuint size);

    [DllImport(Library, EntryPoint = "git_libgit2_opts")]
    private static extern int Options(int option, nint value);

    /// <summary>Bounds the memory of all object caches together (libgit2's default is 256 MB).</summary>
    public static void CacheAtMost(long bytes) => Check(Options(SetCacheMaxSize, (nint)bytes));

    /// <summary>
    /// Turns off libgit2's check, on each tree and commit written, that every object it names exists: for a
    /// folder of thousands of pages that was a lookup in the object store per entry on every save. The
    /// committer only ever names objects it has just read or written.
    /// </summary>
    public static void SkipObjectExistenceChecks() => Check(Options(EnableStrictObjectCreation, 0));

    private static void Check(int code)
    {
        if (code < 0)
        {
            throw new InvalidOperationException(LastError(code));
        }
    }

    /// <summary>
    /// Lets the object cache keep trees up to <paramref name="bytes"/>. libgit2 caches trees only up to 4 KB
    /// by default, so the folder of a space with thousands of pages (a tree of hundreds of kilobytes) was
    /// inflated and parsed again for every read and every diff that passed through it.
    /// </summary>
    public static void CacheTreesUpTo(long bytes)
    {
        Init();
        var code = Options(SetCacheObjectLimit, TreeType, (nuint)bytes);
        if (code < 0)
        {
            throw new InvalidOperationException(LastError(code));
        }
    }

    [DllImport(Library, EntryPoint = "git_repository_open")]
    public static extern int RepositoryOpen(out IntPtr repository, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport(Library, EntryPoint = "git_repository_free")]
    public static extern void RepositoryFree(IntPtr repository);

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="id"/> only if it still holds <paramref name="currentId"/>,
    /// checked while holding the reference's lock file (git's own protocol); GIT_EMODIFIED otherwise.
    /// </summary>
    [DllImport(Library, EntryPoint = "git_reference_create_matching")]
    public static extern int ReferenceCreateMatching(out IntPtr reference, IntPtr repository, [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        byte[] id, int force, byte[] currentId, [MarshalAs(UnmanagedType.LPUTF8Str)] string? logMessage);

    [DllImport(Library, EntryPoint = "git_reference_free")]
    public static extern void ReferenceFree(IntPtr reference);

    [DllImport(Library, EntryPoint = "git_error_last")]
    private static extern IntPtr ErrorLast();

    /// <summary>Three-way merge of file contents in memory (no objects are written).</summary>
    [DllImport(Library, EntryPoint = "git_merge_file")]
    public static extern int MergeFile(out MergeFileResult result, in MergeFileInput ancestor, in MergeFileInput ours, in MergeFileInput theirs, IntPtr options);

    [DllImport(Library, EntryPoint = "git_merge_file_result_free")]
    public static extern void MergeFileResultFree(ref MergeFileResult result);

    /// <summary>The message of the last libgit2 error on this thread.</summary>
    public static string LastError(int code)
    {
        var error = ErrorLast();
        var message = error == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error));
        return $"libgit2 error {code}: {message ?? "(no message)"}";
    }

    /// <summary>git_merge_file_input.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MergeFileInput
    {
        public uint Version;
        public IntPtr Pointer;
        public nuint Size;
        public IntPtr Path;
        public uint Mode;
    }

    /// <summary>git_merge_file_result.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MergeFileResult
    {
        public uint Automergeable;
        public IntPtr Path;
        public uint Mode;
        public IntPtr Pointer;
        public nuint Length;
    }
}
