namespace TeamWiki.Web.Markup;

/// <summary>
/// The outcome of resolving a wiki link with <see cref="IWikiLinkResolver"/>.
/// </summary>
/// <param name="Path">
/// Canonical page path "space/segment/..." as a lowercase slug. For a missing page: the path where
/// the page would be created. The renderer still percent-encodes every segment, so an unexpected
/// character cannot break out of the URL.
/// </param>
/// <param name="Title">
/// The page title; for a missing page the title to prefill in the editor.
/// </param>
/// <param name="Exists">Whether the page exists.</param>
/// <remarks>
/// An existing page renders as <c>/wiki/{Path}</c> showing <see cref="Title"/> when the author gave no
/// label; a missing one renders as <c>/edit/{Path}?title={Title}</c> with the "missing" class, so the
/// link itself invites someone to write the page.
/// Every resolved path, existing or not, is reported in <see cref="RenderedMarkdown.LinkedPages"/>.
/// A target the reader may not see is <see cref="PlainText"/>: the link's own text, no link at all.
/// </remarks>
public sealed record WikiLinkTarget(string Path, string Title, bool Exists)
{
    /// <summary>
    /// Not a link for this reader (its space is hidden from them, or does not exist): the text as the
    /// author wrote it, with no address, title or "missing" mark that could hint at what lies behind it.
    /// </summary>
    public static WikiLinkTarget PlainText { get; } = new("", "", false) { IsPlainText = true };

    /// <summary>True for <see cref="PlainText"/>.</summary>
    public bool IsPlainText { get; private init; }
}
