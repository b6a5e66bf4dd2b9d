using TeamWiki.Storage.Changes;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.History;

/// <summary>
/// A start after many pushes: the history index is far behind the branch and catches up in the
/// background. A file's history asked for meanwhile must already be complete, without waiting for it.
/// </summary>
public class HistoryIndexBehindTests
{
    [Fact]
    public async Task WhileTheIndexCatchesUpAFilesHistoryIsTheFullWalkAndDoesNotWaitForIt()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        var file = Path.Combine(wiki.Root, "cache", "history.db");
        MakeHistory(wiki, "eerst", 6);
        using (var before = new HistoryIndex(wiki.Feed, file))
        {
            before.CatchUp();
        }

        // The pushes the index has not seen: edits, a move and new pages.
        MakeHistory(wiki, "daarna", 8);
        wiki.Pages.Move(P("noord/pagina-1"), P("zuid/verhuisd"), Bob);
        wiki.Pages.Save(new PageSave(P("zuid/verhuisd"), "na de verhuizing\n", Alice, "na de verhuizing"));
        var stalled = new StalledFeed(wiki.Feed);
        using var index = new HistoryIndex(stalled, file, wiki.Repository);
        var indexedBefore = index.IndexedHead;
        var catchingUp = Task.Run(index.CatchUp);
        Assert.True(stalled.Entered.Wait(TimeSpan.FromSeconds(30)), "the catch-up never asked the feed for commits");

        // The catch-up holds the index and waits: every read now answers from git beside it.
        foreach (var path in ItemFiles(wiki))
        {
            Assert.Equal(Walk(wiki, path), Describe(index.FileHistory(path, 1000)));
        }

        // Across the move, and on from where the index takes over.
        var moved = index.FileHistory("zuid/verhuisd.md", 1000).Select(c => c.Subject).ToList();
        Assert.Equal(["na de verhuizing", "Move noord/pagina-1 to zuid/verhuisd", "daarna 8"], moved.Take(3));
        Assert.Equal(["eerst 6", "eerst 5", "eerst 4", "eerst 3", "eerst 2", "eerst 1"], moved.TakeLast(6));
        Assert.Equal(16, moved.Count);
        Assert.Equal(indexedBefore, index.IndexedHead);
        Assert.False(catchingUp.IsCompleted);

        stalled.Release.Set();
        Assert.True(await catchingUp.WaitAsync(TimeSpan.FromSeconds(60)) > 0);
        Assert.Equal(wiki.Feed.Head, index.IndexedHead);
        foreach (var path in ItemFiles(wiki))
        {
            Assert.Equal(Walk(wiki, path), Describe(index.FileHistory(path, 1000)));
        }
    }

    [Fact]
    public void AReadFarBehindIndexesAFewCommitsItselfAndAnswersTheRestFromGit()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        var file = Path.Combine(wiki.Root, "cache", "history.db");
        MakeHistory(wiki, "eerst", 2);
        using (var before = new HistoryIndex(wiki.Feed, file))
        {
            before.CatchUp();
        }

        // More commits than a read indexes itself.
        MakeHistory(wiki, "daarna", 40);
        using var index = new HistoryIndex(wiki.Feed, file, wiki.Repository);

        var history = index.FileHistory("noord/pagina-2.md", 1000);

        Assert.Equal(Walk(wiki, "noord/pagina-2.md"), Describe(history));
        Assert.NotEqual(wiki.Feed.Head, index.IndexedHead);
        index.CatchUp();
        Assert.Equal(wiki.Feed.Head, index.IndexedHead);
        Assert.Equal(Walk(wiki, "noord/pagina-2.md"), Describe(index.FileHistory("noord/pagina-2.md", 1000)));
    }

    /// <summary>Rounds of edits of three pages (two in the first round's space, one in the other).</summary>
    private static void MakeHistory(TempWiki wiki, string label, int rounds)
    {
        for (var i = 1; i <= rounds; i++)
        {
            wiki.Pages.Save(new PageSave(P("noord/pagina-1"), $"{label} {i}\n", Alice, $"{label} {i}"));
            wiki.Pages.Save(new PageSave(P("noord/pagina-2"), $"{label} {i} twee\n", Bob, $"{label} {i} twee"));
            wiki.Pages.Save(new PageSave(P("zuid/pagina-3"), $"{label} {i} drie\n", Alice, $"{label} {i} drie"));
        }
    }

    private static List<string> ItemFiles(TempWiki wiki) =>
        wiki.Repository.ListFiles().Select(e => e.Path).Where(p => ContentPaths.Classify(p) is { Kind: not ItemKind.Space }).ToList();

    private static List<string> Walk(TempWiki wiki, string path) => Describe(wiki.Repository.FileHistory(path, 1000));

    private static List<string> Describe(IEnumerable<Storage.Git.GitCommitInfo> commits) =>
        commits.Select(c => $"{c.Id} {c.Path} {c.AuthorName} {c.When:O} {c.Message}").ToList();

    /// <summary>A feed whose first <see cref="After"/> waits until released: a catch-up that is under way.</summary>
    private sealed class StalledFeed(IChangeFeed inner) : IChangeFeed
    {
        private int _stalled;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public string? Head => inner.Head;

        public IDisposable Subscribe(Action<string> moved) => inner.Subscribe(moved);

        public bool Contains(string commit) => inner.Contains(commit);

        public IReadOnlyList<CommitChanges> After(string? position, int max)
        {
            if (Interlocked.Exchange(ref _stalled, 1) == 0)
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromMinutes(2));
            }

            return inner.After(position, max);
        }
    }
}
