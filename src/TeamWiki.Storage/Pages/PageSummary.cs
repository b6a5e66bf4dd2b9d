namespace TeamWiki.Storage.Pages;

/// <summary>What the catalog knows of a page without reading it again: enough for trees, links and lists.</summary>
public sealed record PageSummary(PagePath Path, string Title, IReadOnlyList<string> Tags, string? Description, string? Language, string BlobId);
