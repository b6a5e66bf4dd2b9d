using Lucene.Net.Documents;
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

            // One body larger than two chunks (read in slices) and a replaced one (a deletion for the merges).
            var large = string.Concat(Enumerable.Repeat("werkplek en afspraak ", 6000));
            bodies["ruimte/pagina-0-0"] = large;
            index.Apply([SearchIndexFixture.Doc("ruimte/pagina-0-0", "Groot", large, [], "ruimte", "x", DateTimeOffset.UtcNow)], [], "c-large");

            Assert.Equal(bodies.Count, index.Count);
        }

        using var directory = FSDirectory.Open(dir);
        using var reader = DirectoryReader.Open(directory);
        var infos = new SegmentInfos();
        infos.Read(directory);
        Assert.All(infos.Segments, s => Assert.Equal("TeamWiki46", s.Info.Codec.Name));
        Assert.True(infos.Count < 40, $"expected merged segments, found {infos.Count}");
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            var stored = reader.Document(doc);
            Assert.Equal(bodies[stored.Get(SearchFields.Path)], stored.Get(SearchFields.Body));
        }
    }

    [Fact]
    public void AnIndexWrittenByTheStandardCodecStaysReadableBesideNewSegments()
    {
        // An upgraded installation searches its old index while the new one is built, and merges mix both.
        var dir = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
        TeamWiki.Search.Codecs.WikiCodec.Register();
        using (var directory = FSDirectory.Open(dir))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(WikiAnalyzers.Version, Analyzers.Index)))
        {
            Assert.Equal("Lucene46", writer.Config.Codec.Name);
            writer.AddDocument(new Document { new StringField(SearchFields.Path, "oud/pagina", Field.Store.YES), new StoredField(SearchFields.Body, "Een oude tekst met een fiets.") });
            writer.Commit();
        }

        using (var index = new WikiSearchIndex(dir, Analyzers))
        {
            Assert.True(index.NeedsRebuild);
            Assert.Equal(1, index.Count);
            index.Apply([SearchIndexFixture.Doc("nieuw/pagina", "Nieuw", "Een nieuwe tekst.", [], "nieuw", "x", DateTimeOffset.UtcNow)], [], "c1");
        }

        using var reopened = FSDirectory.Open(dir);
        using var reader = DirectoryReader.Open(reopened);
        var bodies = Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d)).ToDictionary(d => d.Get(SearchFields.Path), d => d.Get(SearchFields.Body));
        Assert.Equal("Een oude tekst met een fiets.", bodies["oud/pagina"]);
        Assert.Equal("Een nieuwe tekst.", bodies["nieuw/pagina"]);
    }

    private static readonly string[] Words = ["fiets", "vergoeding", "stormvogel", "kliffen", "overleg", "afspraak", "één", "café", "naïef", "werkplek"];
}
