namespace TeamWiki.Storage.Notifications;

/// <summary>Someone follows a page, task, document or space: they hear of its changes and comments.</summary>
public sealed class Watch
{
    /// <summary>Who watches.</summary>
    public string UserId { get; set; } = "";

    /// <summary><c>page:{path}</c>, <c>task:{KEY}</c>, <c>document:{id}</c> or <c>space:{key}</c>.</summary>
    public string Target { get; set; } = "";

    /// <summary>Since when.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
