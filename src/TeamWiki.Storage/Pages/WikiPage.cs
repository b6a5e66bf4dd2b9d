namespace TeamWiki.Storage.Pages;

/// <summary>A page as read from the repository.</summary>
/// <param name="Path">Its path.</param>
/// <param name="Title">Its title (front matter, first heading, or path).</param>
/// <param name="Markdown">The whole file, front matter included.</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="Meta">The parsed front matter.</param>
/// <param name="BlobId">The git blob id of the file: a cache key for anything derived from the text.</param>
/// <param name="Revision">The last commit that changed the page (at or before the revision asked for).</param>
/// <param name="Author">Author name of that commit.</param>
/// <param name="AuthorEmail">Author e-mail of that commit.</param>
/// <param name="Updated">Date of that commit.</param>
public sealed record WikiPage(
    PagePath Path,
    string Title,
    string Markdown,
    string Body,
    FrontMatter Meta,
    string BlobId,
    string Revision,
    string Author,
    string AuthorEmail,
    DateTimeOffset Updated)
{
    /// <summary>The page's tags.</summary>
    public IReadOnlyList<string> Tags => Meta.Tags;
}
