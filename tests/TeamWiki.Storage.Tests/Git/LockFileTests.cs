using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

public class LockFileTests
{
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(1);

    [Fact]
    public void ALockLeftByAKilledWriterIsRemovedAtTheNextStart()
    {
        using var wiki = new TempWiki();
        // The writer's process is gone: its repository (and its hold on it) with it.
        wiki.Repository.Dispose();
        var lockFile = LeaveLock(wiki, age: TimeSpan.FromMinutes(5));

        using var reopened = GitContentRepository.OpenOrCreate(wiki.GitDirectory, staleLockAge: Stale);

        Assert.False(File.Exists(lockFile));
        var store = new PageStore(reopened, new ContentCatalog(reopened), Microsoft.Extensions.Options.Options.Create(new StorageOptions()));
        store.Save(new PageSave(P("handboek/na-crash"), "werkt weer\n", Alice));
        Assert.Equal("werkt weer\n", store.Get(P("handboek/na-crash"))!.Markdown);
    }

    [Fact]
    public void AFreshLockIsRemovedOnlyAfterItStayedUnchangedLongEnough()
    {
        using var wiki = new TempWiki();
        wiki.Repository.Dispose();
        var lockFile = LeaveLock(wiki, age: TimeSpan.Zero);
        var left = File.GetLastWriteTimeUtc(lockFile);

        using var reopened = GitContentRepository.OpenOrCreate(wiki.GitDirectory, staleLockAge: Stale);

        // Opening waited for the lock to age instead of pulling it from under a writer that might be live.
        Assert.False(File.Exists(lockFile));
        Assert.True(DateTime.UtcNow - left >= Stale, "the lock was removed before it was stale");
    }

    [Fact]
    public void LocksAreLeftAloneWhileAnotherWikiProcessHoldsTheRepository()
    {
        using var wiki = new TempWiki();
        var lockFile = LeaveLock(wiki, age: TimeSpan.FromMinutes(5));

        // wiki.Repository is still open: for the second one that is a live wiki whose writes may be in flight.
        using (GitContentRepository.OpenOrCreate(wiki.GitDirectory, staleLockAge: Stale))
        {
            Assert.True(File.Exists(lockFile));
        }

        wiki.Repository.Dispose();
        using var alone = GitContentRepository.OpenOrCreate(wiki.GitDirectory, staleLockAge: Stale);
        Assert.False(File.Exists(lockFile));
    }

    private static string LeaveLock(TempWiki wiki, TimeSpan age)
    {
        var lockFile = Path.Combine(wiki.GitDirectory, "refs", "heads", "main.lock");
        File.WriteAllText(lockFile, "0000000000000000000000000000000000000000\n");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow - age);
        return lockFile;
    }
}
