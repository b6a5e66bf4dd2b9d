using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Documents;

/// <summary>An upload over the size limit; nothing was stored.</summary>
public sealed class DocumentTooLargeException(string name, long size, long limit)
    : WikiException(ProblemKind.TooLarge, "Document too large", $"'{name}' is {size:N0} bytes; the limit is {limit:N0} bytes")
{
    /// <summary>The file name.</summary>
    public string Name { get; } = name;

    /// <summary>Its size.</summary>
    public long Size { get; } = size;

    /// <summary>The limit.</summary>
    public long Limit { get; } = limit;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["size"] = Size, ["limit"] = Limit };
}

/// <summary>An upload that cannot be stored (no usable name, contents that do not match the type).</summary>
public sealed class InvalidDocumentException(string reason) : WikiException(ProblemKind.Invalid, "Invalid document", reason)
{
    /// <summary>Why, in English.</summary>
    public string Reason { get; } = reason;
}

/// <summary>The document (or version) does not exist.</summary>
public sealed class DocumentNotFoundException(string id) : WikiException(ProblemKind.NotFound, "Document not found", $"Document '{id}' does not exist")
{
    /// <summary>The id.</summary>
    public string Id { get; } = id;
}
