using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TeamWiki.Search.Analysis;
using LuceneQuery = Lucene.Net.Search.Query;

namespace TeamWiki.Search.Query;

/// <summary>
/// Turns a parsed query into a Lucene query. Each word is an OR of the terms its analysis produces
/// (form, stem, dictionary form, folded accents) over the title (×2), headings (×1.5), body and the
/// compound parts (×0.1), plus the English fields; the words are ANDed. Filters restrict without scoring.
/// One builder per search: a word whose forms occur nowhere (<paramref name="isKnown"/> false) also
/// matches words within a small edit distance and is collected in <paramref name="unknown"/>.
/// </summary>
internal sealed class QueryBuilder(WikiAnalyzers analyzers, Func<string, bool>? isKnown = null, List<string>? unknown = null)
{
    private const float PrefixBoost = 0.3f;

    private readonly (string Field, Analyzer Analyzer, float Boost)[] _wordFields =
    [
        (SearchFields.Title, analyzers.Dutch, 2f),
        (SearchFields.Headings, analyzers.Dutch, 1.5f),
        (SearchFields.Body, analyzers.Dutch, 1f),
        // Compounds are split when indexing only: "kennis" finds "kennisdeling", but a query word is not
        // itself cut into parts (that made "xylofoonstemmer" match every page with "stem").
        (SearchFields.Parts, analyzers.Dutch, 0.1f),
        (SearchFields.TitleEnglish, analyzers.English, 2f),
        (SearchFields.BodyEnglish, analyzers.English, 1f),
    ];

    /// <summary>
    /// The scoring part of the query (words and phrases), or null when it has none. Pages need most of the
    /// words (all of one or two, more than half of more) and are ranked in tiers (<see cref="RankTiers"/>):
    /// more words matched first, then more of them as whole words rather than compound parts, a phrase of
    /// all the words above that; fuzzy matches earn no tier. BM25 orders the pages within a tier.
    /// </summary>
    public LuceneQuery? Words(QueryText query, bool prefixOpenWord)
    {
        var result = new BooleanQuery(disableCoord: true);
        var positive = new List<WordQuery>();
        foreach (var group in query.Groups)
        {
            if (group.All(p => p.Negated))
            {
                var excluded = group.Select(Exclusion).Where(q => q is not null).ToList();
                if (excluded.Count > 0)
                {
                    result.Add(excluded.Count == 1 ? excluded[0]! : Any(excluded!), Occur.MUST_NOT);
                }

                continue;
            }

            var alternatives = group.Where(p => !p.Negated)
                .Select(part => Clause(part, prefixOpenWord && ReferenceEquals(part, query.OpenWord)))
                .Where(q => q is not null).Select(q => q!.Value).ToList();
            if (alternatives.Count > 0)
            {
                positive.Add(alternatives.Count == 1 ? alternatives[0] : WordQuery.AnyOf(alternatives));
            }
        }

        if (positive.Count > 0)
        {
            var core = new BooleanQuery(disableCoord: true);
            foreach (var word in positive)
            {
                core.Add(word.Scoring, Occur.SHOULD);
            }

            core.MinimumNumberShouldMatch = RankTiers.WordsRequired(positive.Count);
            result.Add(core, Occur.MUST);
            var phrase = ImplicitPhrase(query, prefixOpenWord);
            foreach (var bonus in RankTiers.Bonuses(positive, phrase))
            {
                result.Add(bonus, Occur.SHOULD);
            }
        }

        if (result.Clauses.Count == 0)
        {
            return null;
        }

        if (positive.Count == 0)
        {
            result.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return result;
    }

    /// <summary>
    /// The words of a query of several plain words as one phrase, or null: a page that has them in this
    /// order is the best answer.
    /// </summary>
    private LuceneQuery? ImplicitPhrase(QueryText query, bool prefixOpenWord)
    {
        if (query.Groups.Any(g => g.Count != 1) || query.Parts.Any(p => p.Negated || p.Phrase)
            || (prefixOpenWord && query.OpenWord is not null))
        {
            return null;
        }

        var words = query.Parts.Select(p => p.Text).Where(w => !IsStopWord(w)).ToList();
        if (words.Count < 2)
        {
            return null;
        }

        // Dutch writes a phrase of nouns as one word: "privacy filter" is said as "privacyfilter".
        var together = Analyze(analyzers.Words, SearchFields.Words, string.Concat(words));
        var phrase = Phrase(string.Join(' ', words));
        return together.Count == 1 ? Any([phrase, new TermQuery(new Term(SearchFields.Words, together[0][0]))]) : phrase;
    }

    /// <summary>The words as written, for a query made only of stop words ("de", "het").</summary>
    public LuceneQuery? AsWritten(QueryText query)
    {
        var result = new BooleanQuery(disableCoord: true);
        foreach (var part in query.Parts.Where(p => !p.Negated))
        {
            foreach (var term in Analyze(analyzers.Words, SearchFields.Words, part.Text).SelectMany(p => p).Distinct())
            {
                result.Add(new TermQuery(new Term(SearchFields.Words, term)), Occur.MUST);
            }
        }

        return result.Clauses.Count == 0 ? null : result;
    }

    /// <summary>A word replaced by the words within a small edit distance of it (the fuzzy fallback).</summary>
    public static LuceneQuery Fuzzy(string word)
    {
        var text = word.ToLowerInvariant();
        return new FuzzyQuery(new Term(SearchFields.Words, text), text.Length >= 6 ? 2 : 1, prefixLength: 1);
    }

    /// <summary>Filters from the query text and the request, ANDed, without influence on the score.</summary>
    public LuceneQuery? Filters(QueryText query, SearchRequest request)
    {
        var filters = new BooleanQuery(disableCoord: true);
        var all = query.Filters.ToList();
        if (!string.IsNullOrWhiteSpace(request.Space))
        {
            all.Add(new QueryFilter("space", request.Space));
        }

        if (!string.IsNullOrWhiteSpace(request.Tag))
        {
            all.Add(new QueryFilter("tag", request.Tag));
        }

        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            all.Add(new QueryFilter("kind", request.Kind));
        }

        foreach (var filter in all)
        {
            LuceneQuery clause = filter.Field switch
            {
                "space" => new TermQuery(new Term(SearchFields.Space, filter.Value.ToLowerInvariant())),
                "tag" => new TermQuery(new Term(SearchFields.Tags, NormaliseTag(filter.Value))),
                "kind" => new TermQuery(new Term(SearchFields.Kind, filter.Value.ToLowerInvariant())),
                _ => AllTerms(SearchFields.AuthorText, Analyze(analyzers.Words, SearchFields.AuthorText, filter.Value).Select(p => p[0])),
            };
            filters.Add(clause, Occur.MUST);
        }

        if (request.VisibleSpaces is { } visible)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var space in visible)
            {
                any.Add(new TermQuery(new Term(SearchFields.Space, space)), Occur.SHOULD);
            }

            // No visible space: nothing matches (an empty SHOULD list would match everything).
            filters.Add(any.Clauses.Count > 0 ? any : new TermQuery(new Term(SearchFields.Space, "\u0000none")), Occur.MUST);
        }

        return filters.Clauses.Count == 0 ? null : new ConstantScoreQuery(filters) { Boost = 0 };
    }

    /// <summary>Normalises a tag the way the index stores it.</summary>
    public static string NormaliseTag(string tag) => tag.Trim().TrimStart('#').Trim().ToLowerInvariant();

    private WordQuery? Clause(QueryPart part, bool prefix)
    {
        var positions = Analyze(analyzers.Words, SearchFields.Words, part.Text);
        if (part.Phrase && positions.Count > 1)
        {
            return WordQuery.Phrase(Phrase(part.Text));
        }

        if (positions.Count > 1)
        {
            // "e-mail", "project-planning": every piece must match, each like a word of its own.
            var pieces = positions.Select(p => p[0]).Distinct().Select(piece => Word(piece, prefix: false))
                .Where(q => q is not null).Select(q => q!.Value).ToList();
            if (pieces.Count == 0)
            {
                return null;
            }

            // Only the pieces side by side, or written together ("backup"), are the word: "back" in one
            // place and "up" in another ("stand-up", "back-end") still match, but rank as a compound part does.
            var all = WordQuery.AllOf(pieces);
            var together = Any([Phrase(string.Join(' ', positions.Select(p => p[0]))), new TermQuery(new Term(SearchFields.Words, string.Concat(positions.Select(p => p[0]))))]);
            return all with { Exact = together, Lemma = together, Whole = together, Part = null };
        }

        return Word(part.Text, prefix);
    }

    private WordQuery? Word(string word, bool prefix)
    {
        // A stop word in either language ("de", "het", "the") carries no meaning: it is left out.
        if (IsStopWord(word))
        {
            return null;
        }

        var clause = new BooleanQuery(disableCoord: true);
        var lemma = new BooleanQuery(disableCoord: true);
        var whole = new BooleanQuery(disableCoord: true);
        var match = new BooleanQuery(disableCoord: true);
        var part = new BooleanQuery(disableCoord: true);
        foreach (var (field, analyzer, boost) in _wordFields)
        {
            foreach (var term in Analyze(analyzer, field, word).SelectMany(p => p).Distinct())
            {
                clause.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
                match.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                if (field != SearchFields.Parts)
                {
                    whole.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                    if (!StemMarkFilter.IsStem(term))
                    {
                        lemma.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                    }
                }
                else if (!StemMarkFilter.IsStem(term))
                {
                    part.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                }
            }
        }

        // The word as written (accents folded; the words field holds every title and body word that way) is
        // a tier of its own only when the word is not its own dictionary form: "gemeld" asks for that form
        // first, while "pagina" stands for all its forms ("pagina's" as much as "pagina").
        var exact = new BooleanQuery(disableCoord: true);
        var asWritten = Analyze(analyzers.Words, SearchFields.Words, word).SelectMany(p => p).Distinct().ToList();
        var forms = Analyze(analyzers.Dutch, SearchFields.Body, word).SelectMany(p => p).Where(t => !StemMarkFilter.IsStem(t));
        if (forms.Any(f => !asWritten.Contains(f)))
        {
            foreach (var term in asWritten)
            {
                exact.Add(new TermQuery(new Term(SearchFields.Words, term)), Occur.SHOULD);
            }
        }

        if (!prefix && isKnown is not null && !isKnown(word))
        {
            // Fuzzy hits score, but earn no tier: they rank below every exact, morphological or compound match.
            clause.Add(Fuzzy(word), Occur.SHOULD);
            unknown?.Add(word);
        }

        if (prefix && word.Length >= 2)
        {
            foreach (var written in Analyze(analyzers.Words, SearchFields.Words, word).SelectMany(p => p).Distinct())
            {
                clause.Add(new PrefixQuery(new Term(SearchFields.Words, written)) { Boost = PrefixBoost }, Occur.SHOULD);
                match.Add(new PrefixQuery(new Term(SearchFields.Words, written)), Occur.SHOULD);
            }
        }

        return clause.Clauses.Count == 0 ? null : new WordQuery(clause, OrNull(exact), OrNull(lemma), OrNull(whole), OrNull(match), OrNull(part));
    }

    private static BooleanQuery? OrNull(BooleanQuery query) => query.Clauses.Count == 0 ? null : query;

    /// <summary>True when the Dutch or the English analysis drops the word.</summary>
    public bool IsStopWord(string word) =>
        Analyze(analyzers.Dutch, SearchFields.Body, word).Count == 0 || Analyze(analyzers.English, SearchFields.BodyEnglish, word).Count == 0;

    private LuceneQuery Phrase(string text)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, analyzer, boost) in _wordFields.Where(f => f.Field != SearchFields.Parts))
        {
            var phrase = new MultiPhraseQuery { Boost = boost };
            var position = -1;
            foreach (var (terms, increment) in AnalyzeWithPositions(analyzer, field, text))
            {
                position += increment;
                phrase.Add(terms.Select(t => new Term(field, t)).ToArray(), position);
            }

            if (position >= 0)
            {
                any.Add(phrase, Occur.SHOULD);
            }
        }

        return any;
    }

    private LuceneQuery? Exclusion(QueryPart part)
    {
        var clause = new BooleanQuery(disableCoord: true);
        var positive = Clause(part with { Negated = false }, prefix: false)?.Scoring;
        if (positive is BooleanQuery words)
        {
            // Excluding by compound part would drop "kennisbank" for "-kennis": only whole words exclude.
            foreach (var c in words.Clauses.Where(c => c.Query is not TermQuery { Term.Field: SearchFields.Parts }))
            {
                clause.Add(c.Query, Occur.SHOULD);
            }
        }

        return clause.Clauses.Count == 0 ? positive : clause;
    }

    private static BooleanQuery Any(IEnumerable<LuceneQuery> queries)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var q in queries)
        {
            any.Add(q, Occur.SHOULD);
        }

        return any;
    }

    private static LuceneQuery AllTerms(string field, IEnumerable<string> terms)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? new TermQuery(new Term(field, "\u0000none")) : all;
    }

    /// <summary>The terms of each position (the first term of a position is the word as written).</summary>
    internal static List<List<string>> Analyze(Analyzer analyzer, string field, string text) =>
        AnalyzeWithPositions(analyzer, field, text).Select(p => p.Terms).ToList();

    private static List<(List<string> Terms, int Increment)> AnalyzeWithPositions(Analyzer analyzer, string field, string text)
    {
        var positions = new List<(List<string> Terms, int Increment)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || positions.Count == 0)
            {
                positions.Add(([term.ToString()], Math.Max(1, increment.PositionIncrement)));
            }
            else
            {
                positions[^1].Terms.Add(term.ToString());
            }
        }

        stream.End();
        return positions;
    }
}
