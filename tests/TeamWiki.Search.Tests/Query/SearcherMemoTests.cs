using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using TeamWiki.Search.Analysis;
using TeamWiki.Search.Query;

namespace TeamWiki.Search.Tests.Query;

/// <summary>
/// What searches share on one index generation (<see cref="SearcherMemo"/>): term lookups, the visible set
/// and the known-word answers per set of readable spaces. Sharing must change nothing a reader sees: not the
/// hits, not their scores, not what one reader's spaces reveal to another, not what a change did.
/// </summary>
public sealed class SearcherMemoTests : IDisposable
{
    private static readonly WikiAnalyzers Analyzers = new();
    private static readonly string[] Outsider = ["handboek"];
    private static readonly string[] Member = ["handboek", "geheim"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
    private readonly WikiSearchIndex _index;

    public SearcherMemoTests()
    {
        _index = new WikiSearchIndex(_folder, Analyzers);
        // Three changes, each flushed for a reader: the index has several segments, as a real index does.
        _index.Apply([Doc("handboek/vogels", "Vogels tellen", "De stormvogel broedt op de kliffen. Fietsen naar de kust.", "handboek")], [], "c1");
        _index.Apply([Doc("handboek/fiets", "Fietsregeling", "De fietsvergoeding voor wie met de fiets komt; fietsers tellen vogels.", "handboek")], [], "c2");
        _index.Apply([Doc("geheim/plan", "Kwartelkoning", "Het kwartelkoningplan: de stormvogels vliegen uit.", "geheim")], [], "c3");
        // The test reads the committed index through its own reader.
        _index.CommitPending();
    }

    [Theory]
    [InlineData("fiets")]
    [InlineData("vogels tellen")]
    [InlineData("\"vogels tellen\"")]
    [InlineData("stormvogel -kliffen")]
    [InlineData("fietsen OR kust")]
    [InlineData("fietsvergoeding space:handboek")]
    public void SharedTermLookupsMatchAndScoreExactlyAsTheQueryItself(string text)
    {
        using var directory = FSDirectory.Open(_folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var memo = new SearcherMemo(searcher);
        var builder = new QueryBuilder(Analyzers);
        var parsed = QueryText.Parse(text);
        var words = builder.Words(parsed, prefixOpenWord: false);
        var filters = builder.Filters(parsed, new SearchRequest(text, VisibleSpaces: Member));
        var query = new BooleanQuery(disableCoord: true) { { filters!, Occur.MUST } };
        if (words is not null)
        {
            query.Add(words, Occur.MUST);
        }

        var plain = searcher.Search(query, 10).ScoreDocs;
        var shared = searcher.Search(SharedTermStates.Apply(query, memo), 10).ScoreDocs;
        // Twice: the second time every lookup comes from the memo.
        var again = searcher.Search(SharedTermStates.Apply(query, memo), 10).ScoreDocs;

        Assert.Equal(plain.Select(d => (d.Doc, d.Score)), shared.Select(d => (d.Doc, d.Score)));
        Assert.Equal(plain.Select(d => (d.Doc, d.Score)), again.Select(d => (d.Doc, d.Score)));
    }

    [Fact]
    public void ReadersWithOtherSpacesOnTheSameGenerationEachGetTheirOwnVocabulary()
    {
        // Member, outsider, member again: a memo shared by all three must not carry one's answer to another.
        var member = _index.Search(new SearchRequest("kwartelkoning", VisibleSpaces: Member));
        var outsider = _index.Search(new SearchRequest("kwartelkoning", VisibleSpaces: Outsider));
        var memberAgain = _index.Search(new SearchRequest("kwartelkoning", VisibleSpaces: Member));

        Assert.Equal(["geheim/plan"], member.Items.Select(i => i.Path));
        Assert.DoesNotContain(QueryNotice.Fuzzy, member.Notices);
        Assert.Equal(0, outsider.Total);
        Assert.Contains(QueryNotice.Fuzzy, outsider.Notices);
        Assert.Equal(member.Items.Select(i => (i.Path, i.Score, i.Snippet)), memberAgain.Items.Select(i => (i.Path, i.Score, i.Snippet)));
    }

    [Fact]
    public void ASearchAfterAChangeSeesTheChange()
    {
        var before = _index.Search(new SearchRequest("zeearend", VisibleSpaces: Outsider));
        _index.Apply([Doc("handboek/zee", "Zeearend", "Een zeearend boven het wad.", "handboek")], [], "c4");
        var added = _index.Search(new SearchRequest("zeearend", VisibleSpaces: Outsider));
        _index.Apply([], [SearchDocument.Key("page", "handboek/zee")], "c5");
        var removed = _index.Search(new SearchRequest("zeearend", VisibleSpaces: Outsider));

        Assert.Equal(0, before.Total);
        Assert.Contains(QueryNotice.Fuzzy, before.Notices);
        Assert.Equal(["handboek/zee"], added.Items.Select(i => i.Path));
        Assert.DoesNotContain(QueryNotice.Fuzzy, added.Notices);
        Assert.Equal(0, removed.Total);
        Assert.Contains(QueryNotice.Fuzzy, removed.Notices);
    }

    [Fact]
    public void ConcurrentSearchesOnOneGenerationGetTheAnswersOfASearchAlone()
    {
        var queries = new[] { ("fiets", Outsider), ("kwartelkoning", Member), ("kwartelkoning", Outsider), ("stormvogels", Member), ("vogels tellen", Outsider) };
        var alone = queries.Select(q => Summary(_index.Search(new SearchRequest(q.Item1, VisibleSpaces: q.Item2)))).ToList();

        var together = new string[queries.Length * 40];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (text, spaces) = queries[i % queries.Length];
            together[i] = Summary(_index.Search(new SearchRequest(text, VisibleSpaces: spaces)));
        });

        for (var i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % queries.Length], together[i]);
        }
    }

    private static string Summary(SearchResults results) =>
        $"{results.Total}|{results.Suggestion}|{string.Join(',', results.Notices)}|" + string.Join(';', results.Items.Select(i => $"{i.Path}:{i.Score}:{i.Snippet}"));

    private static SearchDocument Doc(string path, string title, string body, string space) =>
        new("page", path, title, [], body, [], space, "Alice", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _index.Dispose();
        try
        {
            System.IO.Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
