using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Pages;

/// <summary>The page does not exist (at the tip, or at the revision asked for).</summary>
public sealed class PageNotFoundException(PagePath path) : WikiException(ProblemKind.NotFound, "Page not found", $"Page '{path}' does not exist")
{
    /// <summary>The missing page.</summary>
    public PagePath Path { get; } = path;
}

/// <summary>A move would overwrite a page that exists.</summary>
public sealed class PageExistsException(PagePath path) : WikiException(ProblemKind.Conflict, "Page exists", $"Page '{path}' already exists")
{
    /// <summary>The page in the way.</summary>
    public PagePath Path { get; } = path;
}

/// <summary>The page text is over the configured size limit; nothing was written.</summary>
public sealed class PageTooLargeException(PagePath path, long size, long limit)
    : WikiException(ProblemKind.TooLarge, "Page too large", $"Page '{path}' is {size:N0} bytes; the limit is {limit:N0} bytes")
{
    /// <summary>The page.</summary>
    public PagePath Path { get; } = path;

    /// <summary>Size of the text, in bytes of UTF-8.</summary>
    public long Size { get; } = size;

    /// <summary>The limit, in bytes.</summary>
    public long Limit { get; } = limit;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["size"] = Size, ["limit"] = Limit };
}

/// <summary>A move whose target lies inside the page being moved.</summary>
public sealed class InvalidMoveException(PagePath from, PagePath to, string reason)
    : WikiException(ProblemKind.Invalid, "Invalid move", $"Cannot move '{from}' to '{to}': {reason}")
{
    /// <summary>Why the move was refused.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public override string Detail => Reason;
}

/// <summary>
/// The page changed since the author's base revision and the two edits overlap. Nothing was saved:
/// the author's text is in <see cref="Yours"/>, the saved text in <see cref="Theirs"/>.
/// </summary>
public sealed class PageConflictException(PagePath path, string yours, string? theirs, string? @base, string baseRevision, string theirsRevision)
    : WikiException(ProblemKind.Conflict, "Edit conflict", $"Page '{path}' was changed by someone else since revision {baseRevision[..Math.Min(7, baseRevision.Length)]}")
{
    /// <summary>The page.</summary>
    public PagePath Path { get; } = path;

    /// <summary>The text the author tried to save.</summary>
    public string Yours { get; } = yours;

    /// <summary>The text at the tip of the branch (null: the page was deleted).</summary>
    public string? Theirs { get; } = theirs;

    /// <summary>The text at the author's base revision (null: it did not exist).</summary>
    public string? Base { get; } = @base;

    /// <summary>The author's base revision.</summary>
    public string BaseRevision { get; } = baseRevision;

    /// <summary>A revision whose text is exactly <see cref="Theirs"/>; save on top of it to resolve the conflict.</summary>
    public string TheirsRevision { get; } = theirsRevision;

    /// <inheritdoc />
    public override string Detail => "The page was changed by someone else since your base revision and the changes overlap. Nothing was saved.";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>
    {
        ["path"] = Path.Value,
        ["yours"] = Yours,
        ["theirs"] = Theirs,
        ["base"] = Base,
        ["baseRevision"] = BaseRevision,
        ["theirsRevision"] = TheirsRevision,
    };
}
