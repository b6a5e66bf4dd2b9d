namespace TeamWiki.Storage.Activity;

/// <summary>
/// The last commit of the change feed whose notifications were sent (a single row): where the notifier
/// resumes after a restart. What the activity feeds show is read from the history index, not from here.
/// </summary>
public sealed class RecordedHead
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; } = 1;

    /// <summary>The commit.</summary>
    public string Commit { get; set; } = "";
}
