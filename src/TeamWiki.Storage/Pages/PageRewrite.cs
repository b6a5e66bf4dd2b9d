namespace TeamWiki.Storage.Pages;

/// <summary>A page's new text, written in the same commit as a move (its links to the moved page updated).</summary>
/// <param name="Path">The page (before the move, when it moves along).</param>
/// <param name="Markdown">Its whole new text.</param>
public sealed record PageRewrite(PagePath Path, string Markdown);
