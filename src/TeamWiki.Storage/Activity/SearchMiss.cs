namespace TeamWiki.Storage.Activity;

/// <summary>A search that found nothing: a knowledge gap for the insights page.</summary>
public sealed class SearchMiss
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The query as typed (trimmed, lower case, at most 200 characters).</summary>
    public string Query { get; set; } = "";

    /// <summary>The space searched in, when the search was limited to one.</summary>
    public string? SpaceKey { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
