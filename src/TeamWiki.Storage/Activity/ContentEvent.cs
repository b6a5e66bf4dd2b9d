namespace TeamWiki.Storage.Activity;

/// <summary>
/// One change to one page, task or document in one commit, recorded from git as commits arrive (own saves
/// and pushes alike). Derived data for the activity feed, insights and expertise: git stays the truth.
/// </summary>
public sealed class ContentEvent
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The commit.</summary>
    public string Commit { get; set; } = "";

    /// <summary>"page", "task" or "document".</summary>
    public string Kind { get; set; } = "";

    /// <summary>Page path, task key or document id.</summary>
    public string ItemId { get; set; } = "";

    /// <summary>The space.</summary>
    public string SpaceKey { get; set; } = "";

    /// <summary>"created", "edited" or "deleted".</summary>
    public string Action { get; set; } = "";

    /// <summary>The account whose e-mail wrote the commit, when there is one.</summary>
    public string? UserId { get; set; }

    /// <summary>The commit's author name.</summary>
    public string AuthorName { get; set; } = "";

    /// <summary>The commit's author e-mail.</summary>
    public string AuthorEmail { get; set; } = "";

    /// <summary>Title at the time.</summary>
    public string Title { get; set; } = "";

    /// <summary>Tags at the time, separated by spaces.</summary>
    public string Tags { get; set; } = "";

    /// <summary>The commit message's first line.</summary>
    public string Message { get; set; } = "";

    /// <summary>When the commit was written.</summary>
    public DateTimeOffset At { get; set; }
}
