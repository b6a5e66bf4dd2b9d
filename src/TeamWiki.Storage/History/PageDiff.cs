namespace TeamWiki.Storage.History;

/// <summary>Two versions of a page and the unified diff between them.</summary>
/// <param name="Path">The page.</param>
/// <param name="From">The older revision.</param>
/// <param name="To">The newer revision.</param>
/// <param name="OldText">The text at <paramref name="From"/> (empty when the page did not exist).</param>
/// <param name="NewText">The text at <paramref name="To"/> (empty when the page did not exist).</param>
/// <param name="Patch">Unified diff as git prints it.</param>
public sealed record PageDiff(string Path, string From, string To, string OldText, string NewText, string Patch);
