using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Changes;

public class ChangeFeedTests
{
    [Fact]
    public void OwnSavesArePublishedOncePerCommitInOrderWithTheirItems()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        var start = wiki.Feed.Head;
        var a = wiki.Pages.Save(new PageSave(P("handboek/a"), "een\n", Alice, "a aangemaakt"));
        var b = wiki.Pages.Save(new PageSave(P("handboek/b"), "twee\n", Bob, "b aangemaakt"));
        var a2 = wiki.Pages.Save(new PageSave(P("handboek/a"), "een en meer\n", Bob, "a bijgewerkt"));

        var commits = wiki.Feed.After(start, 100);

        Assert.Equal([a.Revision, b.Revision, a2.Revision], commits.Select(c => c.Commit));
        Assert.Equal(["a aangemaakt", "b aangemaakt", "a bijgewerkt"], commits.Select(c => c.Subject));
        var changes = commits.SelectMany(c => c.Changes).ToList();
        Assert.Equal(["page:handboek/a Added Alice de Vries", "page:handboek/b Added Bob Jansen", "page:handboek/a Modified Bob Jansen"],
            changes.Select(c => $"{c.Item} {c.Kind} {c.Author}"));
        Assert.All(changes, c => Assert.Equal("handboek", c.Space));
        Assert.Empty(wiki.Feed.After(a2.Revision, 100));
    }

    [Fact]
    public void SubscribersHearOfEveryMoveOfTheBranch()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        var heard = new List<string>();
        using (wiki.Feed.Subscribe(heard.Add))
        {
            wiki.Pages.Save(new PageSave(P("handboek/a"), "een\n", Alice));
            wiki.Pages.Save(new PageSave(P("handboek/b"), "twee\n", Alice));
        }

        wiki.Pages.Save(new PageSave(P("handboek/c"), "drie\n", Alice));

        Assert.Equal(2, heard.Count);
        Assert.Equal(wiki.Feed.After(null, 100).Select(c => c.Commit).Skip(1).Take(2), heard);
    }

    [Fact]
    public void AMoveIsOneMovedChangeFromTheOldPathToTheNew()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["handboek", "kennisbank"]);
        wiki.Pages.Save(new PageSave(P("handboek/oud"), "inhoud die meeverhuist\n", Alice));
        var before = wiki.Feed.Head;

        wiki.Pages.Move(P("handboek/oud"), P("kennisbank/nieuw"), Bob);

        var change = Assert.Single(Assert.Single(wiki.Feed.After(before, 10)).Changes);
        Assert.Equal(ChangeKind.Moved, change.Kind);
        Assert.Equal(ItemRef.Parse("page:kennisbank/nieuw"), change.Item);
        Assert.Equal(ItemRef.Parse("page:handboek/oud"), change.ItemBefore);
        Assert.Equal("handboek/oud.md", change.PathBefore);
        Assert.Equal("kennisbank/nieuw.md", change.PathAfter);
        Assert.Equal(change.BlobBefore, change.BlobAfter);
    }

    [Fact]
    public void DeletingAPageOrATaskIsADeletedChange()
    {
        using var wiki = new TempWiki(seed: false, spaces: "atlas");
        var tasks = new TaskStore(wiki.Repository, wiki.Catalog);
        wiki.Pages.Save(new PageSave(P("atlas/weg"), "tijdelijk\n", Alice));
        var task = tasks.Create("atlas", new WikiTask("", "", "Opruimen", "", null, null, TaskPriority.Normal, [], [], "", "alice", DateTimeOffset.UtcNow), Alice);
        var before = wiki.Feed.Head;

        wiki.Pages.Delete(P("atlas/weg"), Bob);
        tasks.Delete(task.Key, Bob);

        var changes = wiki.Feed.After(before, 10).SelectMany(c => c.Changes).ToList();
        Assert.Equal([$"page:atlas/weg Deleted", $"task:{task.Key} Deleted"], changes.Select(c => $"{c.Item} {c.Kind}"));
        Assert.All(changes, c => Assert.Null(c.PathAfter));
    }

    [Fact]
    public void APushFromACloneIsPublishedWithItsOutsideAuthor()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        var before = wiki.Feed.Head!;
        var heard = new List<string>();
        using var subscription = wiki.Feed.Subscribe(heard.Add);
        var clone = Clone(wiki);
        File.WriteAllText(Path.Combine(clone, "handboek", "van-buiten.md"), "Geschreven in een editor.\n");
        File.WriteAllText(Path.Combine(clone, "handboek", "notitie.txt"), "geen pagina\n");
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q -m \"Pagina van buiten\"", clone);
        Paths.RunGit("push -q origin main", clone);

        wiki.Repository.Refresh();

        var commit = Assert.Single(wiki.Feed.After(before, 10));
        Assert.Equal([commit.Commit], heard);
        var change = Assert.Single(commit.Changes);
        Assert.Equal("page:handboek/van-buiten Added Carla Outside", $"{change.Item} {change.Kind} {change.Author}");
    }

    [Fact]
    public void APushedMergePublishesEachSideOnceAndOnlyWhatTheMergeItselfDecided()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        wiki.Pages.Save(new PageSave(P("handboek/a"), "een\ntwee\ndrie\nvier\nvijf\n", Alice, "a1"));
        var before = wiki.Feed.Head!;
        var clone = Clone(wiki);
        Paths.RunGit("checkout -q -b zijtak", clone);
        File.WriteAllText(Path.Combine(clone, "handboek", "a.md"), "EEN\ntwee\ndrie\nvier\nvijf\n");
        File.WriteAllText(Path.Combine(clone, "handboek", "zij.md"), "van de zijtak\n");
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q -m \"zijtak\"", clone);
        Paths.RunGit("checkout -q main", clone);
        File.WriteAllText(Path.Combine(clone, "handboek", "a.md"), "een\ntwee\ndrie\nvier\nVIJF\n");
        File.WriteAllText(Path.Combine(clone, "handboek", "hoofd.md"), "van main\n");
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q -m \"hoofdlijn\"", clone);
        Paths.RunGit("merge -q --no-edit zijtak", clone);
        Paths.RunGit("push -q origin main", clone);
        wiki.Repository.Refresh();

        var commits = wiki.Feed.After(before, 100);

        Assert.Equal(3, commits.Count);
        Assert.Equal(wiki.Feed.Head, commits[^1].Commit);
        var merge = commits[^1];
        // Both sides changed a.md, so its merged text is new; zij.md and hoofd.md came from one side each.
        Assert.Equal(["page:handboek/a Modified"], merge.Changes.Select(c => $"{c.Item} {c.Kind}"));
        var all = commits.SelectMany(c => c.Changes).Select(c => $"{c.Item} {c.Kind}").ToList();
        Assert.Single(all, "page:handboek/zij Added");
        Assert.Single(all, "page:handboek/hoofd Added");
        Assert.Equal(3, all.Count(c => c == "page:handboek/a Modified"));
    }

    [Fact]
    public void ReadingInSmallBatchesNeverRepeatsOrSkipsACommitOfAMergedBranch()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        wiki.Pages.Save(new PageSave(P("handboek/basis"), "basis\n", Alice));
        var before = wiki.Feed.Head!;
        var clone = Clone(wiki);
        Paths.RunGit("checkout -q -b zijtak", clone);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(clone, "handboek", $"zij-{i}.md"), $"zij {i}\n");
            Paths.RunGit("add -A", clone);
            Paths.RunGit($"commit -q -m \"zij {i}\"", clone);
        }

        Paths.RunGit("checkout -q main", clone);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(clone, "handboek", $"hoofd-{i}.md"), $"hoofd {i}\n");
            Paths.RunGit("add -A", clone);
            Paths.RunGit($"commit -q -m \"hoofd {i}\"", clone);
        }

        Paths.RunGit("merge -q --no-edit zijtak", clone);
        Paths.RunGit("push -q origin main", clone);
        wiki.Repository.Refresh();

        var seen = new List<string>();
        var position = before;
        // Eight commits at most: a feed that repeats a commit would loop here, so the rounds are bounded.
        for (var round = 0; round < 20 && wiki.Feed.After(position, 1) is { Count: > 0 } batch; round++)
        {
            seen.AddRange(batch.Select(c => c.Commit));
            position = batch[^1].Commit;
        }

        var expected = Paths.RunGit($"rev-list --reverse --topo-order {before}..main", wiki.GitDirectory).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(wiki.Feed.Head, seen[^1]);
    }

    [Fact]
    public void APositionThatIsNotOnTheBranchIsRefused()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");

        Assert.False(wiki.Feed.Contains(new string('a', 40)));
        Assert.Throws<RevisionNotFoundException>(() => wiki.Feed.After(new string('a', 40), 10));
    }

    [Fact]
    public void APositionFromAPushNotNoticedYetIsOnTheBranchAndIsPublished()
    {
        using var wiki = new TempWiki(seed: false, spaces: "handboek");
        var heard = new List<string>();
        using var subscription = wiki.Feed.Subscribe(heard.Add);
        var clone = Clone(wiki);
        File.WriteAllText(Path.Combine(clone, "handboek", "later.md"), "Nog niet opgemerkt.\n");
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q -m \"Later\"", clone);
        Paths.RunGit("push -q origin main", clone);
        var pushed = Paths.RunGit("rev-parse HEAD", clone).Trim();

        // Another process (sharing the derived data) may know this commit before this one does.
        Assert.True(wiki.Feed.Contains(pushed));

        Assert.Equal(pushed, wiki.Feed.Head);
        Assert.Equal([pushed], heard);
    }

    private static string Clone(TempWiki wiki)
    {
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        return clone;
    }
}
