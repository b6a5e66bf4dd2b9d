namespace TeamWiki.Storage.Git;

/// <summary>
/// The one door to the git repository that holds all content. Everything above it speaks in paths,
/// bytes and commit ids; LibGit2Sharp stays behind this interface. A revision (a full id, or an
/// abbreviation of at least 4 hex digits) is accepted only when it names exactly one commit on the
/// branch; an unknown, an off-branch (orphaned, pushed elsewhere) and an ambiguous id are all "not found",
/// so no caller can read through, or probe for, objects that are not part of the wiki's history.
/// </summary>
internal interface IContentRepository : IContentFiles
{
    /// <summary>The tip of the branch, or null while the repository is empty.</summary>
    string? Head { get; }

    /// <summary>Raised after the branch moved (own commits and, after <see cref="Refresh"/>, outside ones).</summary>
    event EventHandler<HeadMovedEventArgs>? HeadMoved;

    /// <summary>The size of a blob in bytes without reading it, or null.</summary>
    long? BlobSize(string blobId);

    /// <summary>
    /// At most the first <paramref name="maxBytes"/> bytes of a blob, or null for no such blob: for what
    /// sits at the start of a file (a page's front matter) without copying the whole of a large one.
    /// </summary>
    byte[]? ReadBlobPrefix(string blobId, int maxBytes);

    /// <summary>A commit on the branch by id, or null (also for a malformed, ambiguous or off-branch id).</summary>
    GitCommitInfo? FindCommit(string revision);

    /// <summary>
    /// The commits that changed <paramref name="path"/>, newest first, following renames, by walking the
    /// commits. The wiki reads the history index instead; this walk is the reference it is tested against.
    /// </summary>
    IReadOnlyList<GitCommitInfo> FileHistory(string path, int max = 200, string? revision = null);

    /// <summary>
    /// As <see cref="FileHistory"/> from <paramref name="revision"/>, but stopping before the first commit that
    /// <paramref name="stop"/> accepts: the history index answers from there while it has not indexed the
    /// newer commits yet.
    /// </summary>
    FileSteps FileHistoryUntil(string path, int max, string revision, Func<string, bool> stop);

    /// <summary>
    /// The last commit that changed each of <paramref name="paths"/>, in one walk of the history (for
    /// many files at once; <see cref="FileHistory"/> walks once per file). Files never changed are absent.
    /// </summary>
    IReadOnlyDictionary<string, GitCommitInfo> LastChanges(IReadOnlyCollection<string> paths);

    /// <summary>The files that differ between two commits (null: the empty tree), renames as remove + add.</summary>
    IReadOnlyList<string> ChangedPaths(string? fromCommit, string toCommit);

    /// <summary>
    /// The files that differ between two commits with their blob ids at <paramref name="toCommit"/>
    /// (null: gone there); a rename is a removal and an addition. Unchanged folders are skipped by id,
    /// so this costs what changed, not the size of the tree.
    /// </summary>
    IReadOnlyList<GitChange> Changes(string? fromCommit, string toCommit);

    /// <summary>
    /// The commits after <paramref name="fromCommit"/> (null: from the root) up to the tip, oldest first,
    /// each with the items it changed. At least <paramref name="max"/> commits when there are that many,
    /// a few more when needed to end at a commit that has every commit returned before it among its
    /// ancestors, so that "after the last one" is exactly what was not returned yet.
    /// </summary>
    /// <exception cref="RevisionNotFoundException"><paramref name="fromCommit"/> is not a commit on the branch.</exception>
    IReadOnlyList<Changes.CommitChanges> ChangesAfter(string? fromCommit, int max);

    /// <summary>A unified diff of two versions of a text file (either may be null for "did not exist").</summary>
    string UnifiedDiff(string? oldBlobId, string? newBlobId, string path);

    /// <summary>Commits the changes; serialised, merged when needed.</summary>
    /// <exception cref="MergeConflictException">The changes conflict with what was committed since the base.</exception>
    /// <exception cref="RevisionNotFoundException">The base revision is not a commit on the branch.</exception>
    /// <exception cref="BranchBusyException">Other writers kept moving or locking the branch; nothing was written.</exception>
    CommitOutcome Commit(CommitRequest request);

    /// <summary>Looks for commits that arrived from outside and raises <see cref="HeadMoved"/> for them.</summary>
    void Refresh();
}
