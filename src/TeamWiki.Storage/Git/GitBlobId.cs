using System.Security.Cryptography;
using System.Text;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The id git gives a file's bytes (the SHA-1 of <c>"blob {size}\0"</c> and the content), so that "is this
/// the same file?" is answered by comparing ids instead of reading a stored file of up to the upload limit.
/// </summary>
internal static class GitBlobId
{
    /// <summary>The lower-case hex blob id of <paramref name="content"/>.</summary>
    public static string Of(byte[] content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
