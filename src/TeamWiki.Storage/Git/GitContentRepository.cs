using LibGit2Sharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The content repository: a bare git repository read through libgit2 objects. Reads rent a
/// <see cref="Repository"/> from a pool; writes go one at a time through the <see cref="GitCommitter"/>.
/// Every revision a caller names is resolved against the commits on the branch only
/// (<see cref="BranchCommits"/>): an unknown, an off-branch and an ambiguous id all give
/// <see cref="RevisionNotFoundException"/> (or null), whatever the object store holds.
/// </summary>
public sealed class GitContentRepository : IContentRepository, IDisposable
{
    /// <summary>The branch that holds the wiki.</summary>
    public const string BranchRef = "refs/heads/main";

    /// <summary>How long a lock file must stay unchanged before a start removes it (see <see cref="StaleLockFiles"/>).</summary>
    public static readonly TimeSpan DefaultStaleLockAge = TimeSpan.FromSeconds(10);

    private readonly RepositoryPool _pool;
    private readonly GitCommitter _committer;
    private readonly BranchCommits _branch = new();
    private readonly CommitChangesMemo _changes = new();
    private readonly OwnCommitPaths _ownCommits = new();
    private readonly Lock _diffGate = new();
    private readonly TreeReader _diffTrees;
    private readonly Dictionary<ObjectId, RawTree> _diffRecent = [];
    private readonly Queue<ObjectId> _diffOrder = new();
    private readonly LooseObjectWriter _objects;
    private readonly RepositoryPresence _presence;
    private readonly Lock _writeLock = new();
    private readonly ILogger _logger;
    private volatile string? _head;
    private int _disposed;

    /// <summary>The largest tree the object cache keeps: a folder of about 100,000 pages.</summary>
    private const long CachedTreeBytes = 8 * 1024 * 1024;

    /// <summary>All object caches of the process together (libgit2's default, 256 MB, was sized for small trees only).</summary>
    private const long CacheBytes = 96 * 1024 * 1024;

    /// <summary>How many trees the change diff keeps (the folders along one commit's paths, and the next commit's).</summary>
    private const int DiffTreesKept = 32;

    static GitContentRepository()
    {
        NativeGit.CacheTreesUpTo(CachedTreeBytes);
        NativeGit.CacheAtMost(CacheBytes);
        NativeGit.SkipObjectExistenceChecks();
    }

    private GitContentRepository(string gitDirectory, RepositoryPresence presence, ILogger logger)
    {
        GitDirectory = gitDirectory;
        _presence = presence;
        _logger = logger;
        _pool = new RepositoryPool(gitDirectory);
        _diffTrees = new TreeReader(gitDirectory);
        _committer = new GitCommitter(gitDirectory, _branch);
        _objects = new LooseObjectWriter(gitDirectory);
        _committer.Retrying += move =>
        {
            if (move == BranchMove.Locked)
            {
                _logger.LogDebug("The branch is locked by another writer; waiting to move it");
            }
            else
            {
                _logger.LogInformation("The branch moved while committing (a push or another process); merging and committing again");
            }
        };
        _head = ReadBranchTip();
    }

    /// <summary>
    /// How many commits had to be built again because a writer outside this process moved (or was
    /// moving) the branch between reading its tip and moving it: the compare-and-swap at work.
    /// </summary>
    public long CommitRetries => _committer.Retries;

    /// <summary>The folder of the bare repository.</summary>
    public string GitDirectory { get; }

    /// <inheritdoc />
    public string? Head => _head;

    /// <inheritdoc />
    public event EventHandler<HeadMovedEventArgs>? HeadMoved;

    /// <summary>
    /// Opens the bare repository at <paramref name="gitDirectory"/>, creating it (branch <c>main</c>) when the
    /// folder is missing or empty. Lock files left by a process that was killed mid-write are removed —
    /// without that, no ref could be updated again — but only when no other wiki process uses the
    /// repository and only once unchanged for <paramref name="staleLockAge"/> (default
    /// <see cref="DefaultStaleLockAge"/>); see <see cref="StaleLockFiles"/>.
    /// </summary>
    public static GitContentRepository OpenOrCreate(string gitDirectory, ILogger? logger = null, TimeSpan? staleLockAge = null)
    {
        logger ??= NullLogger.Instance;
        var full = Path.GetFullPath(gitDirectory);
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any())
        {
            Directory.CreateDirectory(full);
            Repository.Init(full, isBare: true);
            File.WriteAllText(Path.Combine(full, "HEAD"), "ref: " + BranchRef + "\n");
            using var repo = new Repository(full);
            // History is never rewritten: refuse force pushes and branch deletion from clones.
            repo.Config.Set("receive.denyNonFastForwards", true);
            repo.Config.Set("receive.denyDeletes", true);
            // A reflog for the branch even though the repository is bare: who moved it when (saves,
            // pushes) is the first thing to look at if a commit ever seems lost.
            repo.Config.Set("core.logAllRefUpdates", true);
            logger.LogInformation("Created a bare git repository at {Path}", full);
        }
        else if (!Repository.IsValid(full))
        {
            throw new InvalidOperationException($"'{full}' exists but is not a git repository");
        }

        var presence = RepositoryPresence.Enter(full, staleLockAge ?? DefaultStaleLockAge, logger);
        try
        {
            return new GitContentRepository(full, presence, logger);
        }
        catch
        {
            presence.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public GitFile? ReadFile(string path, string? revision = null)
    {
        using var lease = _pool.Rent();
        var commit = Resolve(lease.Repo, revision);
        if (commit?[path] is not { TargetType: TreeEntryTargetType.Blob } entry)
        {
            return null;
        }

        return new GitFile(path, entry.Target.Sha, commit.Sha, ReadAll((Blob)entry.Target));
    }

    /// <inheritdoc />
    public string? BlobIdOf(string path, string? revision = null)
    {
        using var lease = _pool.Rent();
        return Resolve(lease.Repo, revision)?[path] is { TargetType: TreeEntryTargetType.Blob } entry ? entry.Target.Sha : null;
    }

    /// <inheritdoc />
    public long? BlobSize(string blobId)
    {
        if (!LooksLikeRevision(blobId))
        {
            return null;
        }

        using var lease = _pool.Rent();
        return lease.Repo.ObjectDatabase.RetrieveObjectMetadata(new ObjectId(blobId))?.Size;
    }

    /// <inheritdoc />
    public byte[]? ReadBlob(string blobId)
    {
        if (!LooksLikeRevision(blobId))
        {
            return null;
        }

        using var lease = _pool.Rent();
        return lease.Repo.Lookup<Blob>(blobId) is { } blob ? ReadAll(blob) : null;
    }

    /// <inheritdoc />
    public byte[]? ReadBlobPrefix(string blobId, int maxBytes)
    {
        if (!LooksLikeRevision(blobId))
        {
            return null;
        }

        using var lease = _pool.Rent();
        if (lease.Repo.Lookup<Blob>(blobId) is not { } blob)
        {
            return null;
        }

        using var stream = blob.GetContentStream();
        var buffer = new byte[Math.Min(blob.Size, Math.Max(0, maxBytes))];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <inheritdoc />
    public IReadOnlyList<GitEntry> ListFiles(string? revision = null, string? folder = null)
    {
        using var lease = _pool.Rent();
        var commit = Resolve(lease.Repo, revision);
        if (commit is null)
        {
            return [];
        }

        var tree = folder is null ? commit.Tree : commit[folder]?.Target as Tree;
        var result = new List<GitEntry>();
        if (tree is not null)
        {
            Walk(tree, folder is null ? "" : folder.TrimEnd('/') + "/", result);
        }

        return result;
    }

    /// <inheritdoc />
    public GitCommitInfo? FindCommit(string revision)
    {
        using var lease = _pool.Rent();
        return _branch.Resolve(lease.Repo, _head, revision) is { } id ? Info(lease.Repo.Lookup<Commit>(id)) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<GitCommitInfo> FileHistory(string path, int max = 200, string? revision = null)
    {
        using var lease = _pool.Rent();
        var start = Resolve(lease.Repo, revision);
        if (start is null || start[path] is null)
        {
            return [];
        }

        return FileHistoryWalker.Walk(lease.Repo, start, path).Take(max).Select(e => Info(e.Commit, e.Path)).ToList();
    }

    /// <inheritdoc />
    FileSteps IContentRepository.FileHistoryUntil(string path, int max, string revision, Func<string, bool> stop)
    {
        using var lease = _pool.Rent();
        var start = Resolve(lease.Repo, revision);
        return start is null ? new FileSteps([], null, path) : FileHistoryWalker.WalkUntil(lease.Repo, start, path, max, stop, Info);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, GitCommitInfo> LastChanges(IReadOnlyCollection<string> paths)
    {
        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var found = new Dictionary<string, GitCommitInfo>(StringComparer.Ordinal);
        using var lease = _pool.Rent();
        var repo = lease.Repo;
        var head = Resolve(repo, null);
        if (head is null || wanted.Count == 0)
        {
            return found;
        }

        var filter = new CommitFilter { IncludeReachableFrom = head, SortBy = CommitSortStrategies.Topological };
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            var parent = commit.Parents.FirstOrDefault();
            foreach (var change in DiffTrees(parent?.Tree.Id, commit.Tree.Id))
            {
                if (wanted.Remove(change.Path))
                {
                    found[change.Path] = Info(commit);
                }
            }

            if (wanted.Count == 0)
            {
                break;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ChangedPaths(string? fromCommit, string toCommit)
    {
        using var lease = _pool.Rent();
        var repo = lease.Repo;
        var to = Resolve(repo, toCommit)!;
        var from = fromCommit is null ? null : Resolve(repo, fromCommit);
        return DiffTrees(from?.Tree.Id, to.Tree.Id).Select(c => c.Path).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<GitChange> Changes(string? fromCommit, string toCommit)
    {
        using var lease = _pool.Rent();
        var repo = lease.Repo;
        var to = Resolve(repo, toCommit)!;
        var from = fromCommit is null ? null : Resolve(repo, fromCommit);
        if (from is not null && _ownCommits.Changes(from, to) is { } own)
        {
            return own;
        }

        return DiffTrees(from?.Tree.Id, to.Tree.Id)
            .Select(c => new GitChange(c.Path, c.Status == ChangeKind.Deleted ? null : c.Oid.Sha))
            .ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<Changes.CommitChanges> ChangesAfter(string? fromCommit, int max)
    {
        using var lease = _pool.Rent();
        var repo = lease.Repo;
        var head = Resolve(repo, null);
        if (head is null)
        {
            return [];
        }

        var from = fromCommit is null ? null : Resolve(repo, fromCommit);
        var filter = new CommitFilter
        {
            IncludeReachableFrom = head,
            ExcludeReachableFrom = from,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse,
        };
        var result = new List<Changes.CommitChanges>();
        // The starting point and the returned commits that have no returned child. A batch may only end
        // when that is one commit: then the start and everything returned are among its ancestors, and a
        // consumer resuming "after" it neither misses nor repeats a commit of a merged side branch.
        var tips = from is null ? new HashSet<ObjectId>() : [from.Id];
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            result.Add(_changes.Get(commit.Sha, () => CommitChangeReader.Read(repo, commit, DiffTrees)));
            foreach (var parent in commit.Parents)
            {
                tips.Remove(parent.Id);
            }

            tips.Add(commit.Id);
            if (result.Count >= max && tips.Count == 1)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// The files that differ between two trees (<see cref="TreeDiff"/>), read through the diff's own tree
    /// reader. The last trees read are kept: a commit's trees are the next commit's starting point.
    /// </summary>
    private List<TreeChange> DiffTrees(ObjectId? from, ObjectId to)
    {
        lock (_diffGate)
        {
            ObjectDisposedException.ThrowIf(_disposed == 1, this);
            return TreeDiff.Files(ReadDiffTree, from, to);
        }
    }

    private RawTree ReadDiffTree(ObjectId id)
    {
        if (_diffRecent.TryGetValue(id, out var tree))
        {
            return tree;
        }

        tree = _diffTrees.Read(id);
        _diffRecent[id] = tree;
        _diffOrder.Enqueue(id);
        while (_diffOrder.Count > DiffTreesKept && _diffOrder.TryDequeue(out var oldest))
        {
            _diffRecent.Remove(oldest);
        }

        return tree;
    }

    /// <inheritdoc />
    public string UnifiedDiff(string? oldBlobId, string? newBlobId, string path)
    {
        using var lease = _pool.Rent();
        var repo = lease.Repo;
        var empty = repo.ObjectDatabase.CreateBlob(Stream.Null);
        var oldBlob = oldBlobId is null ? empty : repo.Lookup<Blob>(oldBlobId) ?? empty;
        var newBlob = newBlobId is null ? empty : repo.Lookup<Blob>(newBlobId) ?? empty;
        var changes = repo.Diff.Compare(oldBlob, newBlob);
        return $"--- a/{path}\n+++ b/{path}\n" + changes.Patch;
    }

    /// <inheritdoc />
    public CommitOutcome Commit(CommitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Changes.Count == 0)
        {
            throw new ArgumentException("A commit needs at least one change", nameof(request));
        }

        // The lock serialises every save: only the tree, the commit and the branch move happen inside it.
        var written = WriteBlobs(request);
        lock (_writeLock)
        {
            var (outcome, parent, files) = _committer.Commit(request, written);
            if (!outcome.Unchanged)
            {
                // Built on a tip this process had not published: outside commits come with it, and only a
                // tree diff says what changed. Built on the published tip: the request names every path.
                var onOurTip = parent is not null && parent == _head;
                if (onOurTip)
                {
                    _branch.Extend(parent!, outcome.CommitId);
                    _ownCommits.Record(outcome.CommitId, parent!, request.Changes.SelectMany(c => c.Paths), files);
                }

                Publish(outcome.CommitId, external: parent != _head,
                    onOurTip ? request.Changes.SelectMany(c => c.Paths).ToHashSet(StringComparer.Ordinal) : null);
            }

            return outcome;
        }
    }

    /// <summary>
    /// The blobs of the files a request writes, written before the write lock is taken, by hand: libgit2's
    /// blob from a stream went through two temporary files and a look into the pack folder.
    /// </summary>
    private Dictionary<PutFile, ObjectId> WriteBlobs(CommitRequest request)
    {
        var written = new Dictionary<PutFile, ObjectId>(ReferenceEqualityComparer.Instance);
        foreach (var put in request.Changes.OfType<PutFile>())
        {
            written[put] = _objects.Write("blob", put.Content);
        }

        return written;
    }

    /// <inheritdoc />
    public void Refresh()
    {
        lock (_writeLock)
        {
            var tip = ReadBranchTip();
            if (tip is not null && tip != _head)
            {
                _logger.LogInformation("The branch moved from outside: {Old} → {New}", Short(_head), Short(tip));
                Publish(tip, external: true);
            }
        }
    }

    private void Publish(string newHead, bool external, IReadOnlyCollection<string>? changedPaths = null)
    {
        var old = _head;
        _head = newHead;
        var args = new HeadMovedEventArgs(old, newHead, external, changedPaths);
        foreach (var handler in HeadMoved?.GetInvocationList() ?? [])
        {
            try
            {
                ((EventHandler<HeadMovedEventArgs>)handler)(this, args);
            }
            catch (Exception ex)
            {
                // A listener (cache, index feed) must never undo an acknowledged commit.
                _logger.LogError(ex, "A HeadMoved listener failed for {Head}", Short(newHead));
            }
        }
    }

    private string? ReadBranchTip()
    {
        using var lease = _pool.Rent();
        return lease.Repo.Refs[BranchRef]?.TargetIdentifier;
    }

    private Commit? Resolve(Repository repo, string? revision)
    {
        if (revision is null)
        {
            var head = _head;
            return head is null ? null : repo.Lookup<Commit>(head);
        }

        return _branch.Resolve(repo, _head, revision) is { } id
            ? repo.Lookup<Commit>(id)
            : throw new RevisionNotFoundException(revision);
    }

    /// <summary>A full or abbreviated object id: 4 to 40 hex digits.</summary>
    internal static bool LooksLikeRevision(string revision) => BranchCommits.LooksLikeRevision(revision);

    internal static byte[] ReadAll(Blob blob)
    {
        using var stream = blob.GetContentStream();
        var buffer = new byte[blob.Size];
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static void Walk(Tree tree, string prefix, List<GitEntry> into)
    {
        foreach (var entry in tree)
        {
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Blob:
                    into.Add(new GitEntry(prefix + entry.Name, entry.Target.Sha));
                    break;
                case TreeEntryTargetType.Tree:
                    Walk((Tree)entry.Target, prefix + entry.Name + "/", into);
                    break;
            }
        }
    }

    private static GitCommitInfo Info(Commit c, string? path = null) =>
        new(c.Sha, c.Author.Name, c.Author.Email, c.Author.When, c.Message, c.Parents.FirstOrDefault()?.Sha, path);

    private static string Short(string? id) => id is null ? "(empty)" : id[..7];

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _committer.Dispose();
        _pool.Dispose();
        lock (_diffGate)
        {
            _diffTrees.Dispose();
        }

        _presence.Dispose();
    }
}
