using System.Net;
using Lucene.Net.Search.Highlight;
using TeamWiki.Search.Analysis;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>
/// Highlighted snippets. The text is analysed again with the compound-aware chain, so a match on a
/// stem ("liep" for "lopen") or on a compound part ("kennisdeling" for "kennis") is marked too. The
/// text is HTML-encoded; only the <c>&lt;mark&gt;</c> tags are markup.
/// </summary>
internal sealed class SnippetMaker(WikiAnalyzers analyzers)
{
    private const int FragmentLength = 160;
    private const int MaxAnalyzedChars = 20_000;

    public string Make(LuceneQuery query, string text, bool english)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var scorer = new QueryScorer(query);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
            MaxDocCharsToAnalyze = MaxAnalyzedChars,
        };
        var analyzer = english ? analyzers.English : analyzers.DutchParts;
        try
        {
            var fragments = highlighter.GetBestFragments(analyzer.GetTokenStream(english ? SearchFields.BodyEnglish : SearchFields.Parts, text), text, 2);
            if (fragments.Length > 0 && fragments.Any(f => f.Contains("<mark>", StringComparison.Ordinal)))
            {
                return string.Join(" … ", fragments.Select(f => f.Trim()));
            }
        }
        catch (InvalidTokenOffsetsException)
        {
            // Fall through to the start of the text.
        }

        return WebUtility.HtmlEncode(Start(text));
    }

    private static string Start(string text)
    {
        if (text.Length <= FragmentLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', FragmentLength);
        return text[..(cut > FragmentLength / 2 ? cut : FragmentLength)] + " …";
    }
}
