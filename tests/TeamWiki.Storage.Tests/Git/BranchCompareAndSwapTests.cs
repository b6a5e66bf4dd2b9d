using System.Collections.Concurrent;
using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

public class BranchCompareAndSwapTests
{
    [Fact]
    public void TheBranchIsNotMovedWhenItNoLongerHoldsTheExpectedCommit()
    {
        using var wiki = new TempWiki();
        var stale = wiki.Repository.Head!;
        var tip = wiki.Pages.Save(new PageSave(P("handboek/cas"), "verder\n", Alice)).Revision;
        var offStale = ChildOf(wiki, stale, "gebouwd op de oude tip");
        var offTip = ChildOf(wiki, tip, "gebouwd op de tip");

        using var mover = new BranchMover(wiki.GitDirectory);
        Assert.Equal(BranchMove.Stale, mover.TryMove(GitContentRepository.BranchRef, offStale.Id, new ObjectId(stale), "mag niet"));
        Assert.Equal(tip, Tip(wiki));

        Assert.Equal(BranchMove.Moved, mover.TryMove(GitContentRepository.BranchRef, offTip.Id, new ObjectId(tip), "mag wel"));
        Assert.Equal(offTip.Sha, Tip(wiki));
    }

    [Fact]
    public void APackedBranchIsComparedAsWell()
    {
        using var wiki = new TempWiki();
        var tip = wiki.Pages.Save(new PageSave(P("handboek/cas"), "verder\n", Alice)).Revision;
        wiki.Git("pack-refs --all");
        Assert.False(File.Exists(Path.Combine(wiki.GitDirectory, "refs", "heads", "main")), "the branch should live in packed-refs only");
        var stale = wiki.Git("rev-parse main~1").Trim();

        using var mover = new BranchMover(wiki.GitDirectory);
        Assert.Equal(BranchMove.Stale, mover.TryMove(GitContentRepository.BranchRef, ChildOf(wiki, stale, "oud").Id, new ObjectId(stale), "mag niet"));
        Assert.Equal(tip, Tip(wiki));
        var next = ChildOf(wiki, tip, "nieuw");
        Assert.Equal(BranchMove.Moved, mover.TryMove(GitContentRepository.BranchRef, next.Id, new ObjectId(tip), "mag wel"));
        Assert.Equal(next.Sha, Tip(wiki));
    }

    [Fact]
    public void ALockHeldByAnotherWriterIsReportedAndLeftInPlace()
    {
        using var wiki = new TempWiki();
        var tip = wiki.Repository.Head!;
        var lockFile = Path.Combine(wiki.GitDirectory, "refs", "heads", "main.lock");
        File.WriteAllText(lockFile, "in gebruik\n");

        using var mover = new BranchMover(wiki.GitDirectory);
        Assert.Equal(BranchMove.Locked, mover.TryMove(GitContentRepository.BranchRef, ChildOf(wiki, tip, "x").Id, new ObjectId(tip), "wacht"));
        Assert.True(File.Exists(lockFile));
        Assert.Equal(tip, Tip(wiki));
    }

    /// <summary>
    /// Two repository objects on one folder have a write lock each, as two wiki processes do: only the
    /// compare-and-swap on the branch keeps them from orphaning each other's commits.
    /// </summary>
    [Fact]
    public async Task TwoWritersOnOneRepositoryWithoutASharedLockLoseNoAcknowledgedSave()
    {
        const int SavesEach = 60;
        using var wiki = new TempWiki(seed: false, spaces: "gedeeld");
        using var second = GitContentRepository.OpenOrCreate(wiki.GitDirectory);
        var stores = new[] { wiki.Pages, new PageStore(second, new ContentCatalog(second), Microsoft.Extensions.Options.Options.Create(new StorageOptions())) };
        var acknowledged = new ConcurrentBag<(string Page, string Revision)>();
        using var start = new Barrier(stores.Length);

        await Task.WhenAll(stores.Select((store, w) => Task.Run(() =>
        {
            start.SignalAndWait();
            // At least SavesEach, and on until the writers have raced at least once (bounded): faster
            // saves make races rarer, and a run without one would prove nothing.
            for (var i = 0; i < SavesEach || (wiki.Repository.CommitRetries + second.CommitRetries == 0 && i < 50 * SavesEach); i++)
            {
                var page = P($"gedeeld/schrijver-{w}-{i}");
                acknowledged.Add((page.Value, store.Save(new PageSave(page, $"schrijver {w} nummer {i}\n", Alice)).Revision));
            }
        })));

        var onBranch = wiki.Git("rev-list main").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Revision, onBranch));
        var files = wiki.Git("ls-tree -r --name-only main").Split('\n').ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Page + ".md", files));
        Assert.Equal(1 + acknowledged.Count, onBranch.Count);
        Assert.True(acknowledged.Count >= stores.Length * SavesEach);
        Assert.True(wiki.Repository.CommitRetries + second.CommitRetries > 0, "the writers never raced; the test proves nothing");
        FsckAssert.Clean(wiki);
    }

    [Fact]
    public void TheReflogRecordsEveryMoveOfTheBranchFromItsRealOldValue()
    {
        using var wiki = new TempWiki();
        wiki.Pages.Save(new PageSave(P("handboek/log"), "een\n", Alice, "Eerste save"));
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        File.WriteAllText(Path.Combine(clone, "handboek", "log.md"), "twee\n");
        Paths.RunGit("commit -q -am \"Van buiten\"", clone);
        Paths.RunGit("push -q origin main", clone);
        wiki.Pages.Save(new PageSave(P("handboek/log"), "drie\n", Bob, "Tweede save"));

        var entries = File.ReadAllLines(Path.Combine(wiki.GitDirectory, "logs", "refs", "heads", "main"))
            .Select(l => (Old: l[..40], New: l[41..81], Message: l[(l.IndexOf('\t') + 1)..])).ToList();
        Assert.Equal(["commit (initial): Import the sample wiki", "commit: Eerste save", "push", "commit: Tweede save"], entries.Select(e => e.Message));
        Assert.Equal(new string('0', 40), entries[0].Old);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].New, entries[i].Old);
        }

        Assert.Equal(Tip(wiki), entries[^1].New);
    }

    private static Commit ChildOf(TempWiki wiki, string parent, string message)
    {
        using var repo = new Repository(wiki.GitDirectory);
        var parentCommit = repo.Lookup<Commit>(parent);
        var signature = new Signature("Test", "test@example.org", DateTimeOffset.Now);
        var td = TreeDefinition.From(parentCommit.Tree);
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message + "\n"));
        td.Add("handboek/" + Guid.NewGuid().ToString("n") + ".md", repo.ObjectDatabase.CreateBlob(content), Mode.NonExecutableFile);
        return repo.ObjectDatabase.CreateCommit(signature, signature, message, repo.ObjectDatabase.CreateTree(td), [parentCommit], prettifyMessage: true);
    }

    private static string Tip(TempWiki wiki) => wiki.Git("rev-parse main").Trim();
}
