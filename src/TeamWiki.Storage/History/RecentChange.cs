namespace TeamWiki.Storage.History;

/// <summary>A page changed by a recent commit.</summary>
/// <param name="Path">The page path.</param>
/// <param name="Title">Its title today (or its name as words when it no longer exists).</param>
/// <param name="Revision">The commit.</param>
/// <param name="Author">Author name.</param>
/// <param name="Date">Author date.</param>
/// <param name="Message">First line of the commit message.</param>
/// <param name="Exists">False when the page was deleted or moved away since.</param>
public sealed record RecentChange(string Path, string Title, string Revision, string Author, DateTimeOffset Date, string Message, bool Exists);
