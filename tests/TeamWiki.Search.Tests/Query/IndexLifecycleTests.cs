using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using TeamWiki.Search.Analysis;

namespace TeamWiki.Search.Tests.Query;

public class IndexLifecycleTests
{
    private static readonly WikiAnalyzers Analyzers = new();

    [Fact]
    public void TheIndexRemembersTheLastCommitItIndexed()
    {
        var dir = Temp();
        using (var index = new WikiSearchIndex(dir, Analyzers))
        {
            Assert.True(index.NeedsRebuild);
            index.Apply([SearchIndexFixture.Doc("a/b", "Titel", "tekst", [], "a", "x", DateTimeOffset.UtcNow)], [], "abc123");
            Assert.False(index.NeedsRebuild);
        }

        using var reopened = new WikiSearchIndex(dir, Analyzers);
        Assert.Equal("abc123", reopened.IndexedCommit);
        Assert.False(reopened.NeedsRebuild);
        Assert.Equal(1, reopened.Count);
    }

    [Fact]
    public void ACorruptIndexIsRecreatedEmpty()
    {
        var dir = Temp();
        using (var index = new WikiSearchIndex(dir, Analyzers))
        {
            index.Apply([SearchIndexFixture.Doc("a/b", "Titel", "tekst", [], "a", "x", DateTimeOffset.UtcNow)], [], "abc123");
        }

        foreach (var file in Directory.GetFiles(dir, "segments*"))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4, 5]);
        }

        using var recreated = new WikiSearchIndex(dir, Analyzers);
        Assert.True(recreated.WasRecreated);
        Assert.True(recreated.NeedsRebuild);
        Assert.Null(recreated.IndexedCommit);
        Assert.True(recreated.IsHealthy());
    }

    [Fact]
    public void DeletesAndReplacementsAreVisibleAtOnce()
    {
        using var index = new WikiSearchIndex(Temp(), Analyzers);
        index.Apply([SearchIndexFixture.Doc("a/b", "Eerste", "appeltaart", [], "a", "x", DateTimeOffset.UtcNow)], [], "1");
        Assert.Equal(1, index.Search(new SearchRequest("appeltaart")).Total);
        index.Apply([SearchIndexFixture.Doc("a/b", "Eerste", "stroopwafel", [], "a", "x", DateTimeOffset.UtcNow)], [], "2");
        Assert.Equal(0, index.Search(new SearchRequest("appeltaart")).Total);
        index.Apply([], [SearchDocument.Key("page", "a/b")], "3");
        Assert.Equal(0, index.Search(new SearchRequest("stroopwafel")).Total);
    }

    [Fact]
    public async Task AChangeFromGitIsSearchableAtOnceAndDurableWithItsCommitShortlyAfter()
    {
        var dir = Temp();
        // A delay no busy test machine outruns, so what is on disk before it is certain.
        var delay = TimeSpan.FromSeconds(5);
        using var index = new WikiSearchIndex(dir, Analyzers, durableCommitDelay: delay);
        index.Apply([SearchIndexFixture.Doc("a/b", "Eerste", "appeltaart", [], "a", "x", DateTimeOffset.UtcNow)], [], "c1");
        index.CommitPending();

        index.Apply([SearchIndexFixture.Doc("a/c", "Tweede", "stroopwafel", [], "a", "x", DateTimeOffset.UtcNow)], [], "c2");

        // Searchable before it is durable; what is on disk names the commit it holds, never a later one.
        Assert.Equal(1, index.Search(new SearchRequest("stroopwafel")).Total);
        Assert.Equal("c2", index.IndexedCommit);
        Assert.Equal(("c1", 1), Committed(dir));

        var deadline = DateTime.UtcNow + delay + TimeSpan.FromSeconds(10);
        while (Committed(dir) != ("c2", 2) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(("c2", 2), Committed(dir));
    }

    [Fact]
    public void WhatPeopleSaidIsDurableBeforeApplyReturns()
    {
        var dir = Temp();
        using var index = new WikiSearchIndex(dir, Analyzers);
        index.Apply([SearchIndexFixture.Doc("a/b", "Eerste", "appeltaart", [], "a", "x", DateTimeOffset.UtcNow)], [], "c1");

        // No git commit brings a post back after a crash, so it goes to disk at once, with what came before it.
        index.Apply([SearchIndexFixture.Doc("a/p", "Bericht", "koffie", [], "a", "x", DateTimeOffset.UtcNow)], [], null);

        Assert.Equal(("c1", 2), Committed(dir));
    }

    // The last durable commit as a reader opened after a crash would see it.
    private static (string? Source, int Count) Committed(string dir)
    {
        using var directory = FSDirectory.Open(dir);
        using var reader = DirectoryReader.Open(directory);
        return (reader.IndexCommit.UserData.TryGetValue(SearchFields.SourceCommit, out var source) ? source : null, reader.NumDocs);
    }

    private static string Temp() => Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
}
