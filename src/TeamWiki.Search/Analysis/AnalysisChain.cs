using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;

namespace TeamWiki.Search.Analysis;

/// <summary>An analyser written as a chain: a tokenizer and the filters after it, plus the character mapping in front.</summary>
internal sealed class AnalysisChain(Func<TextReader, (Tokenizer Source, TokenStream Sink)> chain) : Analyzer
{
    /// <summary>Curly apostrophes and quotes become straight ones, so "auto’s" is "auto's" (as in the word lists).</summary>
    private static readonly NormalizeCharMap Apostrophes = BuildApostrophes();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (source, sink) = chain(reader);
        return new TokenStreamComponents(source, sink);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Apostrophes, reader);

    private static NormalizeCharMap BuildApostrophes()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("’", "'");
        builder.Add("‘", "'");
        builder.Add("ʼ", "'");
        return builder.Build();
    }
}
