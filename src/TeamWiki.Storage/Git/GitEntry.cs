namespace TeamWiki.Storage.Git;

/// <summary>A file in a commit's tree: its path and blob id, without the content.</summary>
public sealed record GitEntry(string Path, string BlobId);
