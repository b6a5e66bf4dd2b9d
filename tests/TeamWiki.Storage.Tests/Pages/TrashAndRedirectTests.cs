using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

public class TrashAndRedirectTests : IDisposable
{
    private readonly TempWiki _wiki = new();

    private PageStore Store => _wiki.Pages;

    private PageRedirects Redirects => new(_wiki.Repository, _wiki.Catalog);

    [Fact]
    public void ADeletedPageIsInItsSpacesTrashWithTheRevisionBeforeItsDeletion()
    {
        var saved = Store.Save(new PageSave(P("handboek/weg"), "---\ntitle: Weg ermee\n---\n\ntekst\n", Alice));
        var deleted = Store.Delete(P("handboek/weg"), Bob);

        var entry = Assert.Single(Store.Trash("handboek"), d => d.Path == P("handboek/weg"));
        Assert.Equal("Weg ermee", entry.Title);
        Assert.Equal("Bob Jansen", entry.DeletedBy);
        Assert.Equal(saved.Revision, entry.Revision);
        Assert.Equal(deleted.Revision, entry.DeletionCommit);
        Assert.DoesNotContain(Store.Trash("kennisbank"), d => d.Path == P("handboek/weg"));
    }

    [Fact]
    public void TheTrashReadsOnlyTheStartOfADeletedPageForItsTitle()
    {
        var big = System.Text.Encoding.UTF8.GetBytes("---\ntitle: Groot stuk\n---\n\n" + new string('x', 4_000_000) + "\n");
        _wiki.Repository.Commit(new CommitRequest([new PutFile("handboek/groot.md", big)], Alice, "a large page"));
        Store.Delete(P("handboek/groot"), Bob);
        // The catalog and the history index catch up first, so only the listing itself is measured.
        _ = _wiki.Catalog.Current;
        _ = Store.Trash("kennisbank");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var entry = Assert.Single(Store.Trash("handboek"), d => d.Path == P("handboek/groot"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("Groot stuk", entry.Title);
        Assert.True(allocated < big.Length / 4, $"listing the trash allocated {allocated:N0} bytes for a page of {big.Length:N0}");
    }

    [Fact]
    public void TheTrashListsTheNewestDeletionsUpToItsLimitAndOneMoreOnRequest()
    {
        var count = DeletedPage.MostListed + 5;
        var names = Enumerable.Range(0, count).Select(i => $"handboek/weg-{i:D3}").ToList();
        _wiki.Repository.Commit(new CommitRequest(names.Select(n => (FileChange)new PutFile(n + ".md", System.Text.Encoding.UTF8.GetBytes($"# {n}\n"))).ToList(), Alice, "many pages"));
        // Deleted in two commits, so "newest" means something: the last five come first.
        _wiki.Repository.Commit(new CommitRequest(names.Take(DeletedPage.MostListed).Select(n => (FileChange)new RemoveFile(n + ".md")).ToList(), Bob, "delete most"));
        _wiki.Repository.Commit(new CommitRequest(names.Skip(DeletedPage.MostListed).Select(n => (FileChange)new RemoveFile(n + ".md")).ToList(), Bob, "delete the rest"));

        var listed = Store.Trash("handboek");
        var oneMore = Store.Trash("handboek", int.MaxValue);

        Assert.Equal(DeletedPage.MostListed, listed.Count);
        Assert.Equal(names.Skip(DeletedPage.MostListed).Order(), listed.Take(5).Select(d => d.Path.Value).Order());
        Assert.Equal(DeletedPage.MostListed + 1, oneMore.Count);
    }

    [Fact]
    public void ARestoreTrailerTypedIntoASaveIsDroppedAndGraftsNoDeletedHistory()
    {
        var old = Store.Save(new PageSave(P("handboek/weg"), "oud\n", Alice));
        var deleted = Store.Delete(P("handboek/weg"), Bob);

        var forged = Store.Save(new PageSave(P("handboek/weg"), "nieuw\n", Bob, $"Nieuwe pagina\n\n{TeamWiki.Storage.History.HistoryIndex.RestoredFromTrailer} {old.Revision}"));

        var history = Store.History(P("handboek/weg"));
        Assert.Equal([forged.Revision], history.Select(r => r.Revision));
        Assert.Equal("Nieuwe pagina", history[0].Message.Trim());
        Assert.NotEqual(deleted.Revision, history[0].Revision);
    }

    [Fact]
    public void RestoringBringsThePageBackWithItsHistoryThroughTheDeletion()
    {
        var first = Store.Save(new PageSave(P("handboek/weg"), "v1\n", Alice));
        var second = Store.Save(new PageSave(P("handboek/weg"), "v2\n", Bob));
        var deleted = Store.Delete(P("handboek/weg"), Bob);

        var deletedHistory = Store.History(P("handboek/weg"));
        Assert.Equal([deleted.Revision, second.Revision, first.Revision], deletedHistory.Select(r => r.Revision));

        var restored = Store.Restore(P("handboek/weg"), Alice);

        Assert.True(restored.Created);
        Assert.Equal("v2\n", Store.Get(P("handboek/weg"))!.Markdown);
        Assert.Equal([restored.Revision, deleted.Revision, second.Revision, first.Revision], Store.History(P("handboek/weg")).Select(r => r.Revision));
        Assert.DoesNotContain(Store.Trash("handboek"), d => d.Path == P("handboek/weg"));
    }

    [Fact]
    public void RestoringAnOlderRevisionTakesItsText()
    {
        var first = Store.Save(new PageSave(P("handboek/weg"), "v1\n", Alice));
        Store.Save(new PageSave(P("handboek/weg"), "v2\n", Bob));
        Store.Delete(P("handboek/weg"), Bob);

        Store.Restore(P("handboek/weg"), Alice, first.Revision);

        Assert.Equal("v1\n", Store.Get(P("handboek/weg"))!.Markdown);
    }

    [Fact]
    public void RestoringWhereAPageExistsOrNothingWasDeletedIsRefusedAndWritesNothing()
    {
        Store.Save(new PageSave(P("handboek/weg"), "v1\n", Alice));
        Store.Delete(P("handboek/weg"), Bob);
        Store.Save(new PageSave(P("handboek/weg"), "nieuw\n", Alice));
        var head = _wiki.Repository.Head;

        Assert.Throws<PageExistsException>(() => Store.Restore(P("handboek/weg"), Alice));
        Assert.Throws<PageNotFoundException>(() => Store.Restore(P("handboek/nooit-geweest"), Alice));
        Assert.Equal(head, _wiki.Repository.Head);
        Assert.DoesNotContain(Store.Trash("handboek"), d => d.Path == P("handboek/weg"));
    }

    [Fact]
    public void AMoveLeavesARedirectInTheRepositoryAndChainsResolve()
    {
        Store.Save(new PageSave(P("handboek/a"), "a\n", Alice));
        Store.Save(new PageSave(P("handboek/a/kind"), "kind\n", Alice));
        Store.Move(P("handboek/a"), P("handboek/b"), Alice);
        Store.Move(P("handboek/b"), P("kennisbank/c"), Alice);

        Assert.Equal(P("kennisbank/c"), Redirects.Resolve(P("handboek/a")));
        Assert.Equal(P("kennisbank/c/kind"), Redirects.Resolve(P("handboek/a/kind")));
        Assert.Equal(P("kennisbank/c"), Redirects.Resolve(P("handboek/b")));
        Assert.Contains("handboek/a: handboek/b", _wiki.Git("show HEAD:handboek/_redirects.yml"));
    }

    [Fact]
    public void APageCreatedAtTheOldAddressWinsAndMovingBackMakesNoLoop()
    {
        Store.Save(new PageSave(P("handboek/a"), "a\n", Alice));
        Store.Move(P("handboek/a"), P("handboek/b"), Alice);
        Store.Move(P("handboek/b"), P("handboek/a"), Alice);

        Assert.Null(Redirects.Resolve(P("handboek/a")));
        Assert.Equal(P("handboek/a"), Redirects.Resolve(P("handboek/b")));
        Assert.DoesNotContain("handboek/a: handboek/b", _wiki.Git("show HEAD:handboek/_redirects.yml"));

        Store.Delete(P("handboek/a"), Alice);
        Assert.Null(Redirects.Resolve(P("handboek/b")));
    }

    [Fact]
    public void RewrittenLinksAreWrittenInTheMoveCommit()
    {
        Store.Save(new PageSave(P("handboek/a"), "a\n", Alice));
        var linking = Store.Save(new PageSave(P("handboek/verwijzer"), "Zie [[handboek/a]].\n", Alice));

        var moved = Store.Move(P("handboek/a"), P("handboek/b"), Alice, [new PageRewrite(P("handboek/verwijzer"), "Zie [[handboek/b]].\n")], linking.Revision);

        Assert.Equal("Zie [[handboek/b]].\n", Store.Get(P("handboek/verwijzer"))!.Markdown);
        Assert.Equal(moved.Revision, Store.Get(P("handboek/verwijzer"))!.Revision);
        Assert.Equal(moved.Revision, _wiki.Repository.Head);
    }

    [Fact]
    public void AHandEditedRedirectLoopLeadsNowhere()
    {
        _wiki.Repository.Commit(new CommitRequest(
            [new PutFile("handboek/_redirects.yml", "handboek/x: handboek/y\nhandboek/y: handboek/x\nniet geldig: ../..\n"u8.ToArray())], Alice, "loop"));

        Assert.Null(Redirects.Resolve(P("handboek/x")));
    }

    public void Dispose() => _wiki.Dispose();
}
