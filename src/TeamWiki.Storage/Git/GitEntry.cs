namespace TeamWiki.Storage.Git;

/// <summary>A file in a commit's tree: its path and blob id, without the content.</summary>
public sealed record GitEntry(string Path, string BlobId);

/// <summary>A file that changed between two commits: its path and its blob id afterwards (null: removed).</summary>
public sealed record GitChange(string Path, string? BlobId);
