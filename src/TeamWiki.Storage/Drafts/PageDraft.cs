namespace TeamWiki.Storage.Drafts;

/// <summary>
/// Someone's unsaved text of a page, kept while they edit so a closed tab or a lost connection loses
/// nothing. Personal and not content: a row in the database, never a commit. One per person and page.
/// </summary>
public sealed class PageDraft
{
    /// <summary>Whose draft.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The page path (<c>space/a/b</c>); the page need not exist yet.</summary>
    public string Path { get; set; } = "";

    /// <summary>The whole text in the editor, front matter included.</summary>
    public string Markdown { get; set; } = "";

    /// <summary>The title of a new page, when one was given.</summary>
    public string? Title { get; set; }

    /// <summary>The revision the editor started from, so continuing the draft saves against it (and merges).</summary>
    public string? BaseRevision { get; set; }

    /// <summary>When the draft was last written.</summary>
    public DateTimeOffset Saved { get; set; }
}
