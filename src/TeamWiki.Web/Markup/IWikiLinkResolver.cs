namespace TeamWiki.Web.Markup;

/// <summary>
/// Resolves the target of a wiki link (<c>[[Target]]</c> or <c>[[Target|label]]</c>).
/// Implemented by the app over its page catalog.
/// </summary>
/// <remarks>
/// The renderer calls this once per wiki link while rendering a page, possibly from several
/// threads at once for different requests, so implementations must be safe for concurrent use.
/// The renderer does not cache results: a page that is created later must show up as existing
/// on the next render without any invalidation step here.
/// </remarks>
public interface IWikiLinkResolver
{
    /// <summary>
    /// Resolves a wiki link target to a canonical page.
    /// </summary>
    /// <param name="target">
    /// The text inside <c>[[ ]]</c> before any <c>|</c>, trimmed: a page title such as
    /// "Welkom bij Lindeboom ICT", or a path such as "kennisbank/git-workflow".
    /// </param>
    /// <param name="currentSpace">The space key of the page being rendered.</param>
    /// <returns>
    /// The page the link points to, whether or not it exists yet; or <see cref="WikiLinkTarget.PlainText"/>
    /// when the reader may not follow it (the link then renders as its own text).
    /// </returns>
    WikiLinkTarget Resolve(string target, string currentSpace);
}
