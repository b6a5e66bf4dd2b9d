using TeamWiki.Storage.Git;

namespace TeamWiki.Storage.Pages;

/// <summary>A request to save a page.</summary>
/// <param name="Path">The page.</param>
/// <param name="Markdown">The whole new text, front matter included.</param>
/// <param name="Author">Who saves (the signed-in user).</param>
/// <param name="Message">Commit message; a default is used when empty.</param>
/// <param name="BaseRevision">The revision the author's text was based on (the page's revision when the editor opened); null overwrites.</param>
public sealed record PageSave(PagePath Path, string Markdown, ContentAuthor Author, string? Message = null, string? BaseRevision = null);

/// <summary>What a save, move, delete or revert did.</summary>
/// <param name="Path">The page (its new path after a move).</param>
/// <param name="Revision">The commit that holds the change (the page's new revision).</param>
/// <param name="Merged">True when the text was merged with someone else's concurrent edit.</param>
/// <param name="Created">True when the page did not exist before.</param>
public sealed record PageSaveResult(PagePath Path, string Revision, bool Merged, bool Created);
