namespace TeamWiki.Storage.Documents;

/// <summary>A document: a file in <c>space/_documents/</c>, its versions in git.</summary>
/// <param name="Id">Stable id in URLs: <c>space~file-name.pdf</c>.</param>
/// <param name="Space">The space key.</param>
/// <param name="Name">The (sanitised) file name.</param>
/// <param name="Size">Size of the current version, in bytes.</param>
/// <param name="BlobId">The git blob of the current version.</param>
/// <param name="Revision">The commit of the current version.</param>
/// <param name="Author">Who uploaded the current version.</param>
/// <param name="Updated">When.</param>
public sealed record DocumentInfo(string Id, string Space, string Name, long Size, string BlobId, string Revision, string Author, DateTimeOffset Updated);

/// <summary>One version of a document.</summary>
public sealed record DocumentVersion(string Revision, string Author, DateTimeOffset Date, long Size, string Message);
