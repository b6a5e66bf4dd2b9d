using Lucene.Net.Index;
using TeamWiki.Search.Analysis;
using TeamWiki.Search.Tests.Query;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace TeamWiki.Search.Tests.Codecs;

public class WikiCodecTests
{
    private static readonly WikiAnalyzers Analyzers = new();

    [Fact]
    public void StoredTextComesBackExactlyThroughFlushesAndMerges()
    {
        var dir = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
        var random = new Random(7);
        var bodies = new Dictionary<string, string>();
        using (var index = new WikiSearchIndex(dir, Analyzers))
        {
            // Forty small commits: enough segments for the merge policy to merge some of them.
            for (var commit = 0; commit < 40; commit++)
            {
                var docs = Enumerable.Range(0, 5).Select(i =>
                {
                    var path = $"ruimte/pagina-{commit}-{i}";
                    var body = string.Join(' ', Enumerable.Range(0, random.Next(1, 3000)).Select(_ => Words[random.Next(Words.Length)])) + " é ü ß 😀";
                    bodies[path] = body;
                    return SearchIndexFixture.Doc(path, "Titel " + path, body, [], "ruimte", "x", DateTimeOffset.UtcNow);
                }).ToList();
                index.Apply(docs, [], "c" + commit);
            }

            Assert.Equal(bodies.Count, index.Count);
        }

        using var directory = FSDirectory.Open(dir);
        using var reader = DirectoryReader.Open(directory);
        var infos = new SegmentInfos();
        infos.Read(directory);
        Assert.All(infos.Segments, s => Assert.Equal("TeamWiki46", s.Info.Codec.Name));
        Assert.True(infos.Count < 40, $"expected merged segments, found {infos.Count}");
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var stored = reader.Document(doc);
            Assert.Equal(bodies[stored.Get(SearchFields.Path)], stored.Get(SearchFields.Body));
        }
    }

    private static readonly string[] Words = ["fiets", "vergoeding", "stormvogel", "kliffen", "overleg", "afspraak", "één", "café", "naïef", "werkplek"];
}
