using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TeamWiki.Search.Tests.Analysis;

/// <summary>Reads the terms an analyser makes of a text, so each test case is one line.</summary>
public static class AnalyzerAssert
{
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string text, string field = "body")
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>True when some term of <paramref name="query"/> is also a term of <paramref name="text"/>.</summary>
    public static bool Meet(Analyzer analyzer, string query, string text) =>
        Terms(analyzer, query).Intersect(Terms(analyzer, text)).Any();
}
