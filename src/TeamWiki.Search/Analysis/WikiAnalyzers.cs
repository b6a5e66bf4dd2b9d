using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Util;

namespace TeamWiki.Search.Analysis;

/// <summary>The analysers of the index, built once and shared.</summary>
public sealed class WikiAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Creates the analysers.</summary>
    public WikiAnalyzers()
    {
        Dutch = new DutchAnalyzer(Version);
        English = new EnglishAnalyzer(Version);
        Index = new PerFieldAnalyzerWrapper(Dutch, new Dictionary<string, Analyzer>
        {
            [SearchFields.Title + "_en"] = English,
            [SearchFields.Body + "_en"] = English,
        });
    }

    /// <summary>Dutch text.</summary>
    public Analyzer Dutch { get; }

    /// <summary>English text (pages with <c>lang: en</c>).</summary>
    public Analyzer English { get; }

    /// <summary>The analyser the index writer uses, per field.</summary>
    public Analyzer Index { get; }
}
