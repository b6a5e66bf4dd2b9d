namespace TeamWiki.Storage.Pages;

/// <summary>A node of a space's page tree.</summary>
/// <param name="Path">The page path (<c>space/…</c>).</param>
/// <param name="Title">The page title, or the folder name as words when only sub-pages exist.</param>
/// <param name="Exists">False for a folder that holds sub-pages but has no page of its own.</param>
/// <param name="Children">Sub-pages, sorted by title.</param>
public sealed record PageTreeNode(string Path, string Title, bool Exists, IReadOnlyList<PageTreeNode> Children);
