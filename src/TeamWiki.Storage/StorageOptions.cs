namespace TeamWiki.Storage;

/// <summary>Limits and timings of the content store (configuration section <c>TeamWiki:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Largest page accepted, in bytes of UTF-8 (default 5 MB). Also <c>TeamWiki:MaxPageBytes</c>.</summary>
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest document upload, in bytes (default 50 MB). Also <c>TeamWiki:MaxUploadBytes</c>.</summary>
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How often the branch is checked for commits from outside (default 1 second).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
