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
    public static string Of(byte[] content) => Convert.ToHexStringLower(Hash("blob", content));

    /// <summary>The id git gives an object of <paramref name="type"/> ("blob", "tree", …): the SHA-1 of its header and content.</summary>
    public static byte[] Hash(string type, ReadOnlySpan<byte> content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(Header(type, content.Length));
        sha.AppendData(content);
        return sha.GetHashAndReset();
    }

    /// <summary>A loose object's header, <c>"{type} {size}\0"</c>.</summary>
    public static byte[] Header(string type, int size) => Encoding.ASCII.GetBytes($"{type} {size}\0");
}
