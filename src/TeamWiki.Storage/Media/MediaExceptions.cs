using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Media;

/// <summary>A file for a page's <c>_media</c> over the upload limit; nothing was stored.</summary>
public sealed class MediaTooLargeException(string name, long size, long limit)
    : WikiException(ProblemKind.TooLarge, "File too large", $"'{name}' is {size:N0} bytes; the limit is {limit:N0} bytes")
{
    /// <summary>The file name as sent.</summary>
    public string Name { get; } = name;

    /// <summary>Its size.</summary>
    public long Size { get; } = size;

    /// <summary>The limit (<c>TeamWiki:MaxUploadBytes</c>).</summary>
    public long Limit { get; } = limit;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["size"] = Size, ["limit"] = Limit };
}

/// <summary>A file that cannot be stored beside a page (a name with folders, a program, contents that do not match the type); nothing was stored.</summary>
public sealed class InvalidMediaException(string reason) : WikiException(ProblemKind.Invalid, "Invalid file", reason)
{
    /// <summary>Why, in English.</summary>
    public string Reason { get; } = reason;
}
