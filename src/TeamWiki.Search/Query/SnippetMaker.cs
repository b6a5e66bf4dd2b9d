using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using TeamWiki.Search.Analysis;

namespace TeamWiki.Search.Query;

/// <summary>
/// Highlighted snippets without analysing whole pages again (re-analysing each hit cost most of a
/// search's time): the text is split into words, each word's analysis is looked up in a memo (the
/// vocabulary is small next to the number of words), and a word is marked when it shares a term with
/// the query, or contains a query word as a compound part. The window with the most different query
/// words is shown. Text is HTML-encoded; only the <c>&lt;mark&gt;</c> tags are markup.
/// </summary>
internal sealed class SnippetMaker(WikiAnalyzers analyzers)
{
    private const int Window = 160;
    private const int MaxScanned = 30_000;
    private const int MemoLimit = 300_000;

    private WordMemo _memo = new();

    /// <summary>The terms a snippet marks for these query words.</summary>
    public SnippetTerms TermsFor(IEnumerable<string> words, string? prefix)
    {
        var result = new SnippetTerms();
        var index = 0;
        foreach (var word in words)
        {
            foreach (var analyzer in new[] { analyzers.Dutch, analyzers.English, analyzers.Words })
            {
                foreach (var term in QueryBuilder.Analyze(analyzer, SearchFields.Body, word).SelectMany(p => p))
                {
                    result.Terms.TryAdd(term, index);
                    // Inside a compound a stem is looked for as plain letters ("~regel" → "regel" in "regelgeving").
                    var part = StemMarkFilter.IsStem(term) ? term[1..] : term;
                    if (part.Length >= 4 && !result.Parts.Any(p => p.Part == part))
                    {
                        result.Parts.Add((part, index));
                    }
                }
            }

            index++;
        }

        if (!string.IsNullOrWhiteSpace(prefix) && prefix.Trim().Length >= 2)
        {
            result.Prefix = (prefix.Trim().ToLowerInvariant(), index++);
        }

        result.Words = index;
        return result;
    }

    public string Make(SnippetTerms terms, string text, bool english)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var matches = terms.IsEmpty ? [] : Matches(terms, text, english, Volatile.Read(ref _memo), english ? analyzers.English : analyzers.Dutch);
        if (matches.Count == 0)
        {
            return WebUtility.HtmlEncode(Start(text));
        }

        var (from, to) = BestWindow(matches, text);
        var sb = new StringBuilder();
        if (from > 0)
        {
            sb.Append("… ");
        }

        var pos = from;
        foreach (var (start, end, _) in matches.Where(m => m.Start >= from && m.End <= to))
        {
            sb.Append(WebUtility.HtmlEncode(text[pos..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            pos = end;
        }

        sb.Append(WebUtility.HtmlEncode(text[pos..to]));
        if (to < text.Length)
        {
            sb.Append(" …");
        }

        return sb.ToString();
    }

    private List<(int Start, int End, int Word)> Matches(SnippetTerms terms, string text, bool english, WordMemo generation, Analyzer analyzer)
    {
        var memo = english ? generation.English : generation.Dutch;
        var matches = new List<(int Start, int End, int Word)>();
        var limit = Math.Min(text.Length, MaxScanned);
        // Words are lowered into one buffer and looked up as spans: a page has hundreds of words, and a
        // string per word was most of the snippet's time (allocation, then garbage collection).
        var lookup = new Lookups(terms.Terms.GetAlternateLookup<ReadOnlySpan<char>>(), memo.GetAlternateLookup<ReadOnlySpan<char>>(),
            generation, terms.TermIds(generation));
        var verdicts = terms.Verdicts(english).GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[64];
        var i = 0;
        while (i < limit)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < limit && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            // Judged as written: a repeated word is looked up once, without lowering it again (lowering a
            // word with an accent calls into ICU); the verdict itself is of the lowered word.
            var written = text.AsSpan(start, i - start);
            if (!verdicts.TryGetValue(written, out var queryWord))
            {
                if (buffer.Length < written.Length)
                {
                    buffer = new char[written.Length];
                }

                var word = buffer.AsSpan(0, written.ToLowerInvariant(buffer));
                queryWord = Match(terms, word, lookup, analyzer) ?? -1;
                verdicts[written] = queryWord;
            }

            if (queryWord >= 0)
            {
                matches.Add((start, i, queryWord));
            }
        }

        return matches;
    }

    private int? Match(SnippetTerms terms, ReadOnlySpan<char> word, Lookups lookup, Analyzer analyzer)
    {
        if (lookup.Terms.TryGetValue(word, out var direct))
        {
            return direct;
        }

        if (terms.Prefix is { } prefix && word.StartsWith(prefix.Prefix, StringComparison.Ordinal))
        {
            return prefix.Word;
        }

        if (!lookup.Memo.TryGetValue(word, out var analysed))
        {
            // ConcurrentDictionary.Count takes every lock: keep an approximate count of our own. A full
            // memo is replaced as a whole (words and term numbers together), never emptied under a reader.
            if (lookup.Generation.Grow() > MemoLimit)
            {
                Interlocked.CompareExchange(ref _memo, new WordMemo(), lookup.Generation);
            }

            var written = word.ToString();
            analysed = QueryBuilder.Analyze(analyzer, SearchFields.Body, written).SelectMany(p => p).Select(lookup.Generation.IdOf).ToArray();
            lookup.Memo.Dictionary.TryAdd(written, analysed);
        }

        // Terms are compared as numbers: hashing each analysed term of each word was most of a snippet's time.
        foreach (var id in analysed)
        {
            foreach (var (termId, queryWord) in lookup.QueryTerms)
            {
                if (termId == id)
                {
                    return queryWord;
                }
            }
        }

        // A query word inside a longer word: a compound part ("kennis" in "kennisdeling").
        foreach (var (part, queryWord) in terms.Parts)
        {
            if (word.Length >= part.Length + 3 && word.Contains(part, StringComparison.Ordinal))
            {
                return queryWord;
            }
        }

        return null;
    }

    private readonly record struct Lookups(
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Terms,
        ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Memo,
        WordMemo Generation,
        (int TermId, int Word)[] QueryTerms);

    private static (int From, int To) BestWindow(List<(int Start, int End, int Word)> matches, string text)
    {
        var bestScore = -1;
        var bestFrom = 0;
        for (var first = 0; first < matches.Count; first++)
        {
            var from = Math.Max(0, matches[first].Start - 30);
            var words = new HashSet<int>();
            var count = 0;
            for (var j = first; j < matches.Count && matches[j].End <= from + Window; j++)
            {
                words.Add(matches[j].Word);
                count++;
            }

            var score = words.Count * 100 + count;
            if (score > bestScore)
            {
                (bestScore, bestFrom) = (score, from);
            }
        }

        // Start and end at word boundaries.
        var start = bestFrom;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Min(text.Length, start + Window);
        while (end < text.Length && end > start && !char.IsWhiteSpace(text[end - 1]) && end - start < Window + 30)
        {
            end++;
        }

        return (start, end);
    }

    private static string Start(string text)
    {
        if (text.Length <= Window)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Window);
        return text[..(cut > Window / 2 ? cut : Window)] + " …";
    }
}
