namespace TeamWiki.Storage.Git;

/// <summary>
/// The wiki's files by path or by content id: what the file route serves (images beside pages) and what
/// the search indexer reads of a changed item (the blob ids come from the change feed). Commits, trees
/// and the branch stay behind the content repository; history comes from the history index.
/// </summary>
public interface IContentFiles
{
    /// <summary>Reads a file at <paramref name="revision"/> (default: the tip); null when it does not exist there.</summary>
    /// <exception cref="RevisionNotFoundException">The revision is not a commit on the branch.</exception>
    GitFile? ReadFile(string path, string? revision = null);

    /// <summary>The content id (blob id) of a file at <paramref name="revision"/> (default: the tip), or null.</summary>
    string? BlobIdOf(string path, string? revision = null);

    /// <summary>Reads content by its id, or null.</summary>
    byte[]? ReadBlob(string blobId);

    /// <summary>All files of a commit (default: the tip), optionally only those under a folder.</summary>
    IReadOnlyList<GitEntry> ListFiles(string? revision = null, string? folder = null);
}
