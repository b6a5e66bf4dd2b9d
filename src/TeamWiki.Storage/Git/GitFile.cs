using System.Text;

namespace TeamWiki.Storage.Git;

/// <summary>A file read from the repository at one commit.</summary>
/// <param name="Path">Path in the repository, '/'-separated.</param>
/// <param name="BlobId">The git blob id: the same content always has the same id.</param>
/// <param name="CommitId">The commit it was read at.</param>
/// <param name="Content">The raw bytes.</param>
public sealed record GitFile(string Path, string BlobId, string CommitId, byte[] Content)
{
    /// <summary>The content decoded as UTF-8 (a byte order mark is dropped).</summary>
    public string Text => Encoding.UTF8.GetString(Content.AsSpan().StartsWith("\uFEFF"u8) ? Content.AsSpan(3) : Content);
}
