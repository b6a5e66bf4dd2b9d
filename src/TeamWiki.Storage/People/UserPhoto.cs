namespace TeamWiki.Storage.People;

/// <summary>A profile photo (small: at most <see cref="MaxBytes"/>).</summary>
public sealed class UserPhoto
{
    /// <summary>Largest photo accepted.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Whose photo.</summary>
    public string UserId { get; set; } = "";

    /// <summary>image/png, image/jpeg or image/webp.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>The image.</summary>
    public byte[] Bytes { get; set; } = [];

    /// <summary>When it was uploaded (used in its address, for caching).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
