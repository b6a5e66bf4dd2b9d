using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Reads tree objects as their bytes, which LibGit2Sharp does not offer (it hands out a managed wrapper
/// per entry, which for a folder of 10,000 pages is most of the cost of a save). Reads go through
/// libgit2's object database, whose cache keeps recently read trees; the trees the committer wrote
/// last are kept here as well, because the next commit starts from them. One instance serves the
/// committer (under the repository's write lock), another the change diffs (<see cref="TreeDiff"/>, under
/// their own lock); an instance is not for two threads at once.
/// </summary>
internal sealed class TreeReader : IDisposable
{
    /// <summary>GIT_OBJECT_TREE.</summary>
    private const int TreeType = 2;

    private IntPtr _repository;
    private IntPtr _odb;
    private Dictionary<ObjectId, RawTree> _recent = [];
    private Dictionary<ObjectId, RawTree> _writing = [];

    public TreeReader(string gitDirectory)
    {
        NativeGit.Init();
        Check(NativeGit.RepositoryOpen(out _repository, gitDirectory), gitDirectory);
        Check(RepositoryOdb(out _odb, _repository), gitDirectory);
    }

    /// <summary>The tree <paramref name="id"/>, indexed.</summary>
    /// <exception cref="LibGit2SharpException">There is no such object, or it is not a tree.</exception>
    public RawTree Read(ObjectId id)
    {
        ObjectDisposedException.ThrowIf(_odb == IntPtr.Zero, this);
        if (_writing.TryGetValue(id, out var known) || _recent.TryGetValue(id, out known))
        {
            return known;
        }

        Check(OdbRead(out var handle, _odb, id.RawId), id.Sha);
        try
        {
            if (OdbObjectType(handle) != TreeType)
            {
                throw new LibGit2SharpException($"{id.Sha} is not a tree");
            }

            var bytes = new byte[checked((int)OdbObjectSize(handle))];
            Marshal.Copy(OdbObjectData(handle), bytes, 0, bytes.Length);
            return RawTree.Parse(bytes);
        }
        finally
        {
            OdbObjectFree(handle);
        }
    }

    /// <summary>Remembers a tree just written, for the next commit (which starts from it).</summary>
    public void Wrote(ObjectId id, RawTree tree) => _writing[id] = tree;

    /// <summary>A commit's trees are written: keep them, and forget those of the commit before.</summary>
    public void CommitDone()
    {
        (_recent, _writing) = (_writing, _recent);
        _writing.Clear();
    }

    private static void Check(int code, string what)
    {
        if (code < 0)
        {
            throw new LibGit2SharpException($"Cannot read {what}: {NativeGit.LastError(code)}");
        }
    }

    public void Dispose()
    {
        if (_odb != IntPtr.Zero)
        {
            OdbFree(_odb);
            _odb = IntPtr.Zero;
        }

        if (_repository != IntPtr.Zero)
        {
            NativeGit.RepositoryFree(_repository);
            _repository = IntPtr.Zero;
        }
    }

    [DllImport(NativeGit.Library, EntryPoint = "git_repository_odb")]
    private static extern int RepositoryOdb(out IntPtr odb, IntPtr repository);

    [DllImport(NativeGit.Library, EntryPoint = "git_odb_free")]
    private static extern void OdbFree(IntPtr odb);

    [DllImport(NativeGit.Library, EntryPoint = "git_odb_read")]
    private static extern int OdbRead(out IntPtr handle, IntPtr odb, byte[] id);

    [DllImport(NativeGit.Library, EntryPoint = "git_odb_object_type")]
    private static extern int OdbObjectType(IntPtr handle);

    [DllImport(NativeGit.Library, EntryPoint = "git_odb_object_size")]
    private static extern nuint OdbObjectSize(IntPtr handle);

    [DllImport(NativeGit.Library, EntryPoint = "git_odb_object_data")]
    private static extern IntPtr OdbObjectData(IntPtr handle);

    [DllImport(NativeGit.Library, EntryPoint = "git_odb_object_free")]
    private static extern void OdbObjectFree(IntPtr handle);
}
