namespace TeamWiki.Web.Markup;

/// <summary>Resolves the target of a wiki link.</summary>
public interface IWikiLinkResolver
{
    /// <summary>Resolves <paramref name="target"/> (a title or a path) seen on a page in <paramref name="currentSpace"/>.</summary>
    WikiLinkTarget Resolve(string target, string currentSpace);
}

/// <summary>Where a wiki link points.</summary>
public sealed record WikiLinkTarget(string Path, string Title, bool Exists);

/// <summary>A heading in the table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>Rendered Markdown.</summary>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<TocEntry> Toc, IReadOnlyList<string> LinkedPages, bool HasMissingLinks);
