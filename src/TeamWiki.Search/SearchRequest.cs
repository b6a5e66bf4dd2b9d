namespace TeamWiki.Search;

/// <summary>A search as the user asked it.</summary>
/// <param name="Query">The query text (words, "phrases", -exclusions, tag:/space:/author: filters).</param>
/// <param name="Limit">Page size.</param>
/// <param name="Offset">Hits to skip.</param>
/// <param name="Space">Only this space.</param>
/// <param name="Tag">Only this tag.</param>
/// <param name="Sort">"relevance" (default) or "date".</param>
public sealed record SearchRequest(string Query, int Limit = 10, int Offset = 0, string? Space = null, string? Tag = null, string? Sort = null);
