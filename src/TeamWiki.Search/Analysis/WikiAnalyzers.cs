using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace TeamWiki.Search.Analysis;

/// <summary>
/// The analysers of the index, built once and shared. The Dutch chain is the one measured in
/// docs/search.md: each word is indexed as its form, its dictionary form, and the stems of both marked
/// as stems ("~lop"), accents folded next to the original; compound parts go to their own low-weight field.
/// </summary>
public sealed class WikiAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // DutchAnalyzer's own overrides: the Snowball stemmer would turn "fiets" into "fiet" while "fietsen" → "fiets".
    private static readonly StemmerOverrideFilter.StemmerOverrideMap Overrides = BuildOverrides();

    // Loaded on first use, not when the analysers are created: the server should not wait for it to start.
    private readonly Lazy<DutchLexicon> _lexicon;

    /// <summary>Creates the analysers over the shared lexicon.</summary>
    public WikiAnalyzers() : this(() => DutchLexicon.Instance)
    {
    }

    /// <summary>Creates the analysers over a lexicon.</summary>
    public WikiAnalyzers(Func<DutchLexicon> lexicon)
    {
        _lexicon = new Lazy<DutchLexicon>(lexicon, LazyThreadSafetyMode.ExecutionAndPublication);
        Dutch = new AnalysisChain(reader => DutchChain(reader, compounds: false));
        DutchParts = new AnalysisChain(reader => DutchChain(reader, compounds: true));
        English = new AnalysisChain(EnglishChain);
        Words = new AnalysisChain(WordsChain);
        Index = new PerFieldAnalyzerWrapper(Dutch, new Dictionary<string, Analyzer>
        {
            [SearchFields.Parts] = DutchParts,
            [SearchFields.TitleEnglish] = English,
            [SearchFields.BodyEnglish] = English,
            [SearchFields.Words] = Words,
            [SearchFields.TitleWords] = Words,
            [SearchFields.AuthorText] = Words,
        });
    }

    /// <summary>Loads the word lists now (on a background thread at start), so the first search does not wait.</summary>
    public void Preload() => _ = _lexicon.Value;

    /// <summary>Dutch text: title, headings, body.</summary>
    public Analyzer Dutch { get; }

    /// <summary>Dutch text with compounds split into their parts (the <c>parts</c> field).</summary>
    public Analyzer DutchParts { get; }

    /// <summary>English text (pages with <c>lang: en</c>).</summary>
    public Analyzer English { get; }

    /// <summary>Words as written, lower case, accents folded next to the original: spelling, prefixes, names.</summary>
    public Analyzer Words { get; }

    /// <summary>
    /// The Dutch search terms of <paramref name="text"/> (stemmed, stop words dropped), plus the parts of
    /// compound words when <paramref name="withParts"/>: the same analysis the index uses, for matching
    /// small texts (posts, replies) in memory.
    /// </summary>
    public IReadOnlySet<string> DutchTerms(string text, bool withParts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        Collect(Dutch);
        if (withParts)
        {
            Collect(DutchParts);
        }

        return terms;

        void Collect(Analyzer analyzer)
        {
            using var stream = analyzer.GetTokenStream("body", new StringReader(text));
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }
    }

    /// <summary>The analyser the index writer uses, per field.</summary>
    public Analyzer Index { get; }

    private (Tokenizer, TokenStream) DutchChain(TextReader reader, bool compounds)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream ts = new LowerCaseFilter(Version, source);
        ts = new StopFilter(Version, ts, DutchAnalyzer.DefaultStopSet);
        if (compounds)
        {
            ts = new DictionaryCompoundWordTokenFilter(Version, ts, _lexicon.Value.CompoundWords, minWordSize: 8, minSubwordSize: 4, maxSubwordSize: 15, onlyLongestMatch: false);
            var lexicon = _lexicon.Value;
            ts = new CompoundPartsOnlyFilter(ts, new CompoundAnchors(lexicon.Knows, lexicon.IsPart));
        }

        ts = new SynonymFilter(ts, _lexicon.Value.Lemmas, ignoreCase: false);
        ts = new ASCIIFoldingFilter(ts, preserveOriginal: true);
        ts = new StemCopyFilter(ts, _lexicon.Value);
        ts = new StemmerOverrideFilter(ts, Overrides);
        ts = new SnowballFilter(ts, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        ts = new StemMarkFilter(ts);
        ts = new RemoveDuplicatesTokenFilter(ts);
        return (source, ts);
    }

    private static (Tokenizer, TokenStream) EnglishChain(TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream ts = new EnglishPossessiveFilter(Version, source);
        ts = new LowerCaseFilter(Version, ts);
        ts = new StopFilter(Version, ts, EnglishAnalyzer.DefaultStopSet);
        ts = new ASCIIFoldingFilter(ts, preserveOriginal: true);
        ts = new KeywordRepeatFilter(ts);
        ts = new PorterStemFilter(ts);
        ts = new RemoveDuplicatesTokenFilter(ts);
        return (source, ts);
    }

    private static (Tokenizer, TokenStream) WordsChain(TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream ts = new LowerCaseFilter(Version, source);
        ts = new ASCIIFoldingFilter(ts, preserveOriginal: true);
        ts = new RemoveDuplicatesTokenFilter(ts);
        return (source, ts);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap BuildOverrides()
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        builder.Add("fiets", "fiets");
        builder.Add("bromfiets", "bromfiets");
        builder.Add("ei", "eier");
        builder.Add("kind", "kinder");
        return builder.Build();
    }
}
