using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.EmphasisExtras;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Builds the one Markdig pipeline TeamWiki uses. A built pipeline is immutable and thread-safe.
/// </summary>
/// <remarks>
/// Extensions are chosen one by one instead of <c>UseAdvancedExtensions()</c>: that bundle also turns on
/// generic attributes (<c>{onclick=...}</c> lets authors set any attribute), media links (iframes),
/// mathematics, diagrams, figures, citations, custom containers and grid tables, none of which the wiki
/// supports or its sanitizer allows.
/// </remarks>
internal static class WikiMarkdownPipeline
{
    public static MarkdownPipeline Build()
    {
        return new MarkdownPipelineBuilder()
            // No front-matter extension: FrontMatter.Split takes a page's metadata off before rendering,
            // and only when it is a YAML mapping; any other leading "---" block is Markdown and shown.
            // GitHub-flavoured features authors know from repositories.
            .UsePipeTables()
            .UseTaskLists()
            // Bare "www.x.nl" links go to https rather than plain http.
            .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
            .UseFootnotes()
            // ~~del~~ as on GitHub, plus ^sup^, ~sub~ and ==mark==. Not "inserted" (++ins++): its <ins>
            // tag is not on the sanitizer's list, so it would silently vanish.
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Superscript
                | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Marked)
            // GitHub-style ids ("## Eerste week" -> "eerste-week"), so links copied from a Git host work;
            // Markdig's AutoIdentifiers gives the same ids but in quadratic time for repeated headings.
            // Without AutoLink: "[Eerste week]" should not silently become a link to a heading.
            .Use<HeadingIdExtension>()
            .UseDefinitionLists()
            // GitHub's callouts ("> [!NOTE]", TIP, IMPORTANT, WARNING, CAUTION).
            .UseAlertBlocks(CalloutExtension.RenderTitle)
            .Use<CalloutExtension>()
            // ```mermaid blocks as diagram containers; the bundled Mermaid script draws them.
            .Use<MermaidExtension>()
            .Use<WikiLinkExtension>()
            .Use<HeadingAnchorExtension>()
            // @handle links to the person; the same parse finds whom to notify.
            .Use<MentionExtension>()
            // Last: swaps in the link parser that bounds its look-ahead (linear time on "[a](" floods).
            .Use<BoundedLinksExtension>()
            // Deliberately absent: UseSoftlineBreakAsHardlineBreak. GitHub renders a single newline in a
            // .md file as a space, and wiki pages are files, not comments.
            // Raw HTML stays enabled; the sanitizer decides what of it survives.
            .Build();
    }
}
