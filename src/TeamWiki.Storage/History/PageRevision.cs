namespace TeamWiki.Storage.History;

/// <summary>One entry of a page's history.</summary>
/// <param name="Revision">The commit id.</param>
/// <param name="Author">Author name.</param>
/// <param name="AuthorEmail">Author e-mail.</param>
/// <param name="Date">Author date.</param>
/// <param name="Message">The commit message.</param>
/// <param name="Path">The page's path in that commit (differs from today's path before a move).</param>
public sealed record PageRevision(string Revision, string Author, string AuthorEmail, DateTimeOffset Date, string Message, string Path);
