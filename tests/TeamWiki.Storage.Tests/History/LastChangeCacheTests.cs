using Microsoft.Extensions.Options;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.History;

/// <summary>
/// The last-change cache follows the change feed through the history index: an answer kept for a file's
/// blob is dropped when a commit touches the file, also when the file comes back with a blob seen before
/// and when another process indexed the commit.
/// </summary>
public class LastChangeCacheTests
{
    private const string File = "noord/terug.md";

    [Fact]
    public void ARevertToAnEarlierTextIsTheLastChangeAlthoughItsBlobWasCachedBefore()
    {
        using var wiki = new TempWiki(seed: false, spaces: "noord");
        using var history = new HistoryIndex(wiki.Feed, null);
        var cache = new LastChangeCache(wiki.Repository, history);
        var first = wiki.Pages.Save(new PageSave(P("noord/terug"), "een\n", Alice, "een"));
        var blob = wiki.Repository.BlobIdOf(File)!;
        Assert.Equal(first.Revision, cache.Of(File, blob)!.Id);

        wiki.Pages.Save(new PageSave(P("noord/terug"), "twee\n", Alice, "twee"));
        var back = wiki.Pages.Save(new PageSave(P("noord/terug"), "een\n", Bob, "terug naar een"));

        Assert.Equal(blob, wiki.Repository.BlobIdOf(File));
        var last = cache.Of(File, blob)!;
        Assert.Equal(back.Revision, last.Id);
        Assert.Equal(Bob.Name, last.AuthorName);
        // Asked again, the answer is the same (now from memory).
        Assert.Equal(back.Revision, cache.AtHead(File)!.Id);
    }

    [Fact]
    public void AFileAskedForWhileTheIndexIsFarBehindIsAnsweredWithoutIndexingEveryCommitFirst()
    {
        // A start after many pushes: the page view must not wait until the index has caught up with all of them.
        using var wiki = new TempWiki(seed: false, spaces: "noord");
        using var history = new HistoryIndex(wiki.Feed, null, wiki.Repository);
        var cache = new LastChangeCache(wiki.Repository, history);
        var mine = wiki.Pages.Save(new PageSave(P("noord/terug"), "een\n", Alice, "een"));
        for (var i = 0; i < 120; i++)
        {
            wiki.Pages.Save(new PageSave(P($"noord/ander-{i % 7}"), $"tekst {i}\n", Bob, $"stap {i}"));
        }

        var blob = wiki.Repository.BlobIdOf(File)!;
        var last = cache.Of(File, blob)!;
        Assert.Equal(mine.Revision, last.Id);
        Assert.Equal(Alice.Name, last.AuthorName);
        Assert.NotEqual(wiki.Repository.Head, history.IndexedHead);

        history.CatchUp();
        Assert.Equal(mine.Revision, cache.Of(File, blob)!.Id);
        var again = wiki.Pages.Save(new PageSave(P("noord/terug"), "twee\n", Bob, "twee"));
        Assert.Equal(again.Revision, cache.AtHead(File)!.Id);
    }

    [Fact]
    public void CommitsAnotherProcessIndexedIntoTheSharedFileStillDropTheCachedAnswer()
    {
        using var wiki = new TempWiki(seed: false, spaces: "noord");
        var file = Path.Combine(wiki.Root, "cache", "history.db");
        using var ours = new HistoryIndex(wiki.Feed, file);
        var cache = new LastChangeCache(wiki.Repository, ours);
        var first = wiki.Pages.Save(new PageSave(P("noord/terug"), "een\n", Alice, "een"));
        var blob = wiki.Repository.BlobIdOf(File)!;
        Assert.Equal(first.Revision, cache.Of(File, blob)!.Id);

        // A second wiki process on the same data folder: its own repository object and history index.
        using var theirRepository = GitContentRepository.OpenOrCreate(wiki.GitDirectory);
        using var theirs = new HistoryIndex(new ChangeFeed(theirRepository), file);
        var theirPages = new PageStore(theirRepository, new ContentCatalog(theirRepository), Options.Create(new StorageOptions()), new LastChangeCache(theirRepository, theirs));
        theirPages.Save(new PageSave(P("noord/terug"), "twee\n", Bob, "twee"));
        var back = theirPages.Save(new PageSave(P("noord/terug"), "een\n", Bob, "terug naar een"));
        theirs.CatchUp();
        Assert.Equal(back.Revision, theirs.IndexedHead);

        // This process notices the branch moved; its index has nothing left to index, yet must tell the cache.
        wiki.Repository.Refresh();
        Assert.Equal(back.Revision, cache.Of(File, blob)!.Id);
        Assert.Equal(back.Revision, ours.IndexedHead);
    }
}
