using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>Which lines of the content activity to read; every condition given must hold.</summary>
/// <param name="Spaces">Only lines of these spaces; null for every space, empty for none.</param>
/// <param name="Kind">Only items of this kind.</param>
/// <param name="AuthorEmail">Only commits written with this e-mail address (case-insensitive).</param>
/// <param name="Items">Only these items; null for any.</param>
/// <param name="Since">Only commits written at or after this moment.</param>
public sealed record ActivityFilter(
    IReadOnlyCollection<string>? Spaces = null,
    ItemKind? Kind = null,
    string? AuthorEmail = null,
    IReadOnlyCollection<ItemRef>? Items = null,
    DateTimeOffset? Since = null);
