namespace TeamWiki.Storage.Activity;

/// <summary>The last commit whose changes were recorded as <see cref="ContentEvent"/>s (a single row).</summary>
public sealed class RecordedHead
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; } = 1;

    /// <summary>The commit.</summary>
    public string Commit { get; set; } = "";
}
