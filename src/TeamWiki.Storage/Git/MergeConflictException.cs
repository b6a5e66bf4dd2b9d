using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Git;

/// <summary>One file that both sides changed in incompatible ways.</summary>
/// <param name="Path">The file.</param>
/// <param name="Base">Its content at the base revision (null: did not exist).</param>
/// <param name="Ours">The content the author wanted to save (null: removed).</param>
/// <param name="Theirs">The content at the tip of the branch (null: removed).</param>
public sealed record ConflictedFile(string Path, byte[]? Base, byte[]? Ours, byte[]? Theirs);

/// <summary>
/// A save based on an older revision could not be merged with what was committed since. Nothing was
/// written; the caller keeps the author's text and shows both versions.
/// </summary>
public sealed class MergeConflictException(string baseRevision, string headRevision, IReadOnlyList<ConflictedFile> files)
    : WikiException(ProblemKind.Conflict, "Merge conflict", $"Changes based on {baseRevision[..Math.Min(7, baseRevision.Length)]} conflict with {headRevision[..7]} in {string.Join(", ", files.Select(f => f.Path))}")
{
    /// <summary>The revision the author started from.</summary>
    public string BaseRevision { get; } = baseRevision;

    /// <summary>The tip of the branch the changes were merged with.</summary>
    public string HeadRevision { get; } = headRevision;

    /// <summary>The conflicting files.</summary>
    public IReadOnlyList<ConflictedFile> Files { get; } = files;

    /// <summary>Names no file: the files of a merge may lie in spaces the caller cannot read.</summary>
    public override string Detail => "The changes conflict with changes saved since; nothing was saved";
}
