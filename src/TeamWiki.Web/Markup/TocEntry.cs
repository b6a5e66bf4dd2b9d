namespace TeamWiki.Web.Markup;

/// <summary>
/// One heading in a page's table of contents.
/// </summary>
/// <param name="Level">The heading level: 2 or 3.</param>
/// <param name="Id">
/// The element id the heading carries in the rendered HTML, so <c>href="#" + Id</c> scrolls to it.
/// </param>
/// <param name="Text">The heading as plain text, without markup or the anchor glyph.</param>
/// <remarks>
/// Ids follow GitHub's rules: lower case, spaces to hyphens, punctuation dropped, letters with
/// diacritics kept ("## Coördinatie &amp; overleg" → "coördinatie--overleg"), and "-1", "-2", ...
/// appended to repeated headings. Browsers match a fragment against the id both as written and
/// percent-decoded, so Razor's attribute encoding of a non-ASCII id is harmless.
/// Unlabelled wiki links in a heading appear with the page's resolved title.
/// Level 3 entries belong under the level 2 entry before them; a page may also start with a level 3
/// heading, so a consumer building a nested list should not assume a level 2 parent exists.
/// </remarks>
public sealed record TocEntry(int Level, string Id, string Text);
