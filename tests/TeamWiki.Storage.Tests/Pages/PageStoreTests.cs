using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

public class PageStoreTests : IDisposable
{
    private readonly TempWiki _wiki = new();

    private PageStore Store => _wiki.Pages;

    [Fact]
    public void SavingAPageCreatesACommitByItsAuthor()
    {
        var result = Store.Save(new PageSave(P("handboek/lunch"), "---\ntitle: Lunch\ntags: [eten]\n---\n\nWe lunchen om 12:30.\n", Alice, "Lunchtijden vastgelegd"));

        Assert.True(result.Created);
        Assert.False(result.Merged);
        var commit = _wiki.Repository.FindCommit(result.Revision)!;
        Assert.Equal("Alice de Vries", commit.AuthorName);
        Assert.Equal("alice@example.org", commit.AuthorEmail);
        Assert.Equal("Lunchtijden vastgelegd", commit.Subject);
        Assert.Equal(result.Revision, _wiki.Repository.Head);

        var page = Store.Get(P("handboek/lunch"))!;
        Assert.Equal("Lunch", page.Title);
        Assert.Equal(["eten"], page.Tags);
        Assert.Equal(result.Revision, page.Revision);
        Assert.Equal("Alice de Vries", page.Author);
        Assert.Contains("12:30", page.Body);
    }

    [Fact]
    public void UpdatingReportsNotCreatedAndKeepsTheOldRevisionReadable()
    {
        var first = Store.Save(new PageSave(P("handboek/lunch"), "versie 1\n", Alice));
        var second = Store.Save(new PageSave(P("handboek/lunch"), "versie 2\n", Bob, BaseRevision: first.Revision));

        Assert.False(second.Created);
        Assert.Equal("versie 2\n", Store.Get(P("handboek/lunch"))!.Markdown);
        var old = Store.Get(P("handboek/lunch"), first.Revision)!;
        Assert.Equal("versie 1\n", old.Markdown);
        Assert.Equal(first.Revision, old.Revision);
        Assert.Equal("Bob Jansen", Store.Get(P("handboek/lunch"))!.Author);
    }

    [Fact]
    public void SavingTheSameTextMakesNoCommit()
    {
        var first = Store.Save(new PageSave(P("handboek/lunch"), "zelfde\n", Alice));
        var again = Store.Save(new PageSave(P("handboek/lunch"), "zelfde\r\n", Bob, BaseRevision: first.Revision));
        Assert.Equal(first.Revision, again.Revision);
        Assert.Equal(first.Revision, _wiki.Repository.Head);
    }

    [Fact]
    public void ConcurrentEditsToDifferentLinesAreMerged()
    {
        var baseText = "regel 1\nregel 2\nregel 3\nregel 4\nregel 5\n";
        var created = Store.Save(new PageSave(P("handboek/samen"), baseText, Alice));

        Store.Save(new PageSave(P("handboek/samen"), baseText.Replace("regel 1", "regel EEN"), Alice, BaseRevision: created.Revision));
        var bob = Store.Save(new PageSave(P("handboek/samen"), baseText.Replace("regel 5", "regel VIJF"), Bob, BaseRevision: created.Revision));

        Assert.True(bob.Merged);
        var text = Store.Get(P("handboek/samen"))!.Markdown;
        Assert.Contains("regel EEN", text);
        Assert.Contains("regel VIJF", text);
        Assert.Equal(3, Store.History(P("handboek/samen")).Count);
    }

    [Fact]
    public void OverlappingEditsConflictAndSaveNothing()
    {
        var created = Store.Save(new PageSave(P("handboek/ruzie"), "De vergadering is op maandag.\n", Alice));
        var alice = Store.Save(new PageSave(P("handboek/ruzie"), "De vergadering is op dinsdag.\n", Alice, BaseRevision: created.Revision));
        var headBefore = _wiki.Repository.Head;

        var ex = Assert.Throws<PageConflictException>(() =>
            Store.Save(new PageSave(P("handboek/ruzie"), "De vergadering is op woensdag.\n", Bob, BaseRevision: created.Revision)));

        Assert.Equal("De vergadering is op woensdag.\n", ex.Yours);
        Assert.Equal("De vergadering is op dinsdag.\n", ex.Theirs);
        Assert.Equal("De vergadering is op maandag.\n", ex.Base);
        Assert.Equal(alice.Revision, ex.TheirsRevision);
        Assert.Equal(headBefore, _wiki.Repository.Head);

        // Resolving: save on top of their revision.
        var resolved = Store.Save(new PageSave(P("handboek/ruzie"), "De vergadering is op woensdag.\n", Bob, BaseRevision: ex.TheirsRevision));
        Assert.False(resolved.Merged);
        Assert.Contains("woensdag", Store.Get(P("handboek/ruzie"))!.Markdown);
    }

    [Fact]
    public void TwoPeopleCreatingTheSamePageConflict()
    {
        var head = _wiki.Repository.Head!;
        Store.Save(new PageSave(P("handboek/nieuw"), "Van Alice\n", Alice, BaseRevision: head));
        Assert.Throws<PageConflictException>(() => Store.Save(new PageSave(P("handboek/nieuw"), "Van Bob\n", Bob, BaseRevision: head)));
        Assert.Equal("Van Alice\n", Store.Get(P("handboek/nieuw"))!.Markdown);
    }

    [Fact]
    public void AnEditOfAPageDeletedMeanwhileConflicts()
    {
        var created = Store.Save(new PageSave(P("handboek/weg"), "tekst\n", Alice));
        Store.Delete(P("handboek/weg"), Alice);
        var ex = Assert.Throws<PageConflictException>(() =>
            Store.Save(new PageSave(P("handboek/weg"), "tekst aangepast\n", Bob, BaseRevision: created.Revision)));
        Assert.Null(ex.Theirs);
        Assert.Null(Store.Get(P("handboek/weg")));
    }

    [Fact]
    public void ChangesToOtherPagesNeverBlockASave()
    {
        var created = Store.Save(new PageSave(P("handboek/een"), "een\n", Alice));
        Store.Save(new PageSave(P("handboek/twee"), "twee\n", Bob));
        var result = Store.Save(new PageSave(P("handboek/een"), "een!\n", Alice, BaseRevision: created.Revision));
        Assert.False(result.Merged);
        Assert.Equal("twee\n", Store.Get(P("handboek/twee"))!.Markdown);
    }

    [Fact]
    public void AnUnknownBaseRevisionIsRefused()
    {
        Assert.Throws<RevisionNotFoundException>(() =>
            Store.Save(new PageSave(P("handboek/x"), "x", Alice, BaseRevision: "0123456789abcdef0123456789abcdef01234567")));
        Assert.Throws<RevisionNotFoundException>(() => Store.Save(new PageSave(P("handboek/x"), "x", Alice, BaseRevision: "not-a-sha")));
        Assert.Null(Store.Get(P("handboek/x")));
    }

    [Fact]
    public void ATooLargePageIsRefusedAndNothingIsWritten()
    {
        using var small = new TempWiki(seed: false, maxPageBytes: 1000, spaces: "handboek");
        small.Pages.Save(new PageSave(P("handboek/klein"), "klein\n", Alice));
        var head = small.Repository.Head;

        var ex = Assert.Throws<PageTooLargeException>(() =>
            small.Pages.Save(new PageSave(P("handboek/klein"), new string('x', 1001), Alice)));

        Assert.Equal(1001, ex.Size);
        Assert.Equal(1000, ex.Limit);
        Assert.Equal(head, small.Repository.Head);
        Assert.Equal("klein\n", small.Pages.Get(P("handboek/klein"))!.Markdown);
    }

    [Fact]
    public void MovingAPageTakesItsSubPagesAndHistoryAlong()
    {
        Store.Save(new PageSave(P("handboek/proces"), "v1\n", Alice));
        Store.Save(new PageSave(P("handboek/proces"), "v2\n", Bob));
        Store.Save(new PageSave(P("handboek/proces/stap-een"), "stap\n", Alice));

        var moved = Store.Move(P("handboek/proces"), P("kennisbank/werkwijze"), Alice);

        Assert.Equal("kennisbank/werkwijze", moved.Path.Value);
        Assert.Null(Store.Get(P("handboek/proces")));
        Assert.Null(Store.Get(P("handboek/proces/stap-een")));
        Assert.Equal("v2\n", Store.Get(P("kennisbank/werkwijze"))!.Markdown);
        Assert.Equal("stap\n", Store.Get(P("kennisbank/werkwijze/stap-een"))!.Markdown);

        var history = Store.History(P("kennisbank/werkwijze"));
        Assert.Equal(3, history.Count);
        Assert.Equal("kennisbank/werkwijze", history[0].Path);
        Assert.Equal("handboek/proces", history[^1].Path);
    }

    [Fact]
    public void MovingOntoAnExistingPageOrIntoItselfIsRefused()
    {
        Store.Save(new PageSave(P("handboek/a"), "a\n", Alice));
        Store.Save(new PageSave(P("handboek/b"), "b\n", Alice));
        Assert.Throws<PageExistsException>(() => Store.Move(P("handboek/a"), P("handboek/b"), Alice));
        Assert.Throws<InvalidMoveException>(() => Store.Move(P("handboek/a"), P("handboek/a/kind"), Alice));
        Assert.Throws<PageNotFoundException>(() => Store.Move(P("handboek/bestaat-niet"), P("handboek/c"), Alice));
        Assert.Equal("a\n", Store.Get(P("handboek/a"))!.Markdown);
    }

    [Fact]
    public void DeletingRemovesThePageButKeepsItsHistory()
    {
        var created = Store.Save(new PageSave(P("handboek/tijdelijk"), "even\n", Alice));
        Store.Delete(P("handboek/tijdelijk"), Bob);
        Assert.Null(Store.Get(P("handboek/tijdelijk")));
        Assert.Equal("even\n", Store.Get(P("handboek/tijdelijk"), created.Revision)!.Markdown);
        Assert.Throws<PageNotFoundException>(() => Store.Delete(P("handboek/tijdelijk"), Bob));
    }

    [Fact]
    public void RevertMakesANewCommitWithTheOldText()
    {
        var v1 = Store.Save(new PageSave(P("handboek/beleid"), "oud beleid\n", Alice));
        Store.Save(new PageSave(P("handboek/beleid"), "nieuw beleid\n", Bob));

        var reverted = Store.Revert(P("handboek/beleid"), v1.Revision, Alice);

        Assert.Equal("oud beleid\n", Store.Get(P("handboek/beleid"))!.Markdown);
        var history = Store.History(P("handboek/beleid"));
        Assert.Equal(3, history.Count);
        Assert.Equal(reverted.Revision, history[0].Revision);
        Assert.StartsWith("Revert handboek/beleid to " + v1.Revision[..7], history[0].Message);
    }

    [Fact]
    public void RevertToARevisionWithoutThePageIsRefused()
    {
        var root = _wiki.Repository.Head!;
        Store.Save(new PageSave(P("handboek/later"), "later\n", Alice));
        Assert.Throws<PageNotFoundException>(() => Store.Revert(P("handboek/later"), root, Alice));
    }

    [Fact]
    public void HistoryIsNewestFirstWithAuthors()
    {
        Store.Save(new PageSave(P("handboek/log"), "1\n", Alice, "eerste"));
        Store.Save(new PageSave(P("handboek/log"), "2\n", Bob, "tweede"));
        var history = Store.History(P("handboek/log"));
        Assert.Equal(["tweede", "eerste"], history.Select(h => h.Message.Trim()));
        Assert.Equal(["Bob Jansen", "Alice de Vries"], history.Select(h => h.Author));
    }

    [Fact]
    public void DiffShowsBothTextsAndAUnifiedPatch()
    {
        var v1 = Store.Save(new PageSave(P("handboek/diff"), "a\nb\nc\n", Alice));
        var v2 = Store.Save(new PageSave(P("handboek/diff"), "a\nB\nc\n", Bob));
        var diff = Store.Diff(P("handboek/diff"), v1.Revision, v2.Revision);
        Assert.Equal("a\nb\nc\n", diff.OldText);
        Assert.Equal("a\nB\nc\n", diff.NewText);
        Assert.Contains("-b\n", diff.Patch);
        Assert.Contains("+B\n", diff.Patch);
        Assert.Contains("--- a/handboek/diff.md", diff.Patch);
    }

    [Fact]
    public void TheTreeNestsSubPagesAndShowsFoldersWithoutAPage()
    {
        _wiki.CreateSpace("boom");
        Store.Save(new PageSave(P("boom/ouder"), "---\ntitle: Ouder\n---\n", Alice));
        Store.Save(new PageSave(P("boom/ouder/kind"), "---\ntitle: Kind\n---\n", Alice));
        Store.Save(new PageSave(P("boom/map/los"), "# Los blad\n", Alice));

        var tree = _wiki.Catalog.Current.Tree("boom");

        Assert.Equal(["Map", "Ouder"], tree.Select(n => n.Title));
        Assert.False(tree[0].Exists);
        Assert.Equal("Los blad", tree[0].Children.Single().Title);
        Assert.Equal("boom/ouder/kind", tree[1].Children.Single().Path);
    }

    [Fact]
    public void RecentChangesListEachPageOnceNewestFirst()
    {
        Store.Save(new PageSave(P("handboek/r1"), "1\n", Alice));
        Store.Save(new PageSave(P("handboek/r2"), "2\n", Bob));
        Store.Save(new PageSave(P("handboek/r1"), "1b\n", Bob));
        var recent = Store.RecentChanges(2);
        Assert.Equal(["handboek/r1", "handboek/r2"], recent.Select(r => r.Path));
        Assert.All(recent, r => Assert.Equal("Bob Jansen", r.Author));
    }

    [Fact]
    public void APageCannotBeWrittenInASpaceThatDoesNotExist()
    {
        var head = _wiki.Repository.Head;

        Assert.Throws<TeamWiki.Storage.Spaces.SpaceNotFoundException>(() => Store.Save(new PageSave(P("nergens/pagina"), "tekst\n", Alice)));
        Assert.Throws<TeamWiki.Storage.Spaces.SpaceNotFoundException>(() => Store.Move(P("handboek/welkom"), P("nergens/welkom"), Alice));

        Assert.Equal(head, _wiki.Repository.Head);
        Assert.Null(_wiki.Catalog.Current.FindSpace("nergens"));
        Assert.NotNull(Store.Get(P("handboek/welkom")));
    }

    public void Dispose() => _wiki.Dispose();
}
