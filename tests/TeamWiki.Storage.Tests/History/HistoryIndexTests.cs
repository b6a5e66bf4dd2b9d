using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.History;

public class HistoryIndexTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(2026)]
    [InlineData(424242)]
    public void TheIndexAnswersAsAFullGitWalkOnARandomHistoryWithMovesAndDeletes(int seed)
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        var commits = Generate(wiki, new Random(seed), 120);
        using var index = new HistoryIndex(wiki.Feed, null);

        // The generated history holds what the walk must follow.
        var kinds = index.Recent(10_000).Select(e => e.Kind).ToHashSet();
        Assert.Superset(new HashSet<Storage.Changes.ChangeKind>(Enum.GetValues<Storage.Changes.ChangeKind>()), kinds);
        Assert.Equal(4, kinds.Count);
        AssertSameAsWalk(wiki, index, revision: null);
        // And as the history looked at some earlier commits.
        var random = new Random(seed + 1);
        for (var i = 0; i < 5; i++)
        {
            AssertSameAsWalk(wiki, index, commits[random.Next(commits.Count)]);
        }
    }

    [Fact]
    public void TheLastChangeOfEveryFileIsTheOneAWalkFinds()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        Generate(wiki, new Random(7), 80);
        using var index = new HistoryIndex(wiki.Feed, null);
        var files = ItemFiles(wiki, null);

        var fromIndex = index.LastChanges(files);
        var fromWalk = wiki.Repository.LastChanges(files);

        Assert.Equal(fromWalk.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Id)), fromIndex.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Id)));
    }

    [Fact]
    public void ADeletedIndexIsRebuiltFromGit()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        Generate(wiki, new Random(3), 40);
        var file = Path.Combine(wiki.Root, "cache", "history.db");
        using (var first = new HistoryIndex(wiki.Feed, file))
        {
            // Two commits made the spaces.
            Assert.Equal(42, first.CatchUp());
        }

        DeleteDatabase(file);
        using var second = new HistoryIndex(wiki.Feed, file);

        Assert.Null(second.IndexedHead);
        AssertSameAsWalk(wiki, second, revision: null);
        Assert.Equal(wiki.Feed.Head, second.IndexedHead);
    }

    [Fact]
    public void AnIndexBehindTheBranchCatchesUpWithOnlyTheNewCommits()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        Generate(wiki, new Random(5), 30);
        var file = Path.Combine(wiki.Root, "cache", "history.db");
        string? indexed;
        using (var first = new HistoryIndex(wiki.Feed, file))
        {
            first.CatchUp();
            indexed = first.IndexedHead;
        }

        // The wiki went on without this index (another process, or a restart after a crash).
        Generate(wiki, new Random(6), 25);
        using var second = new HistoryIndex(wiki.Feed, file);

        Assert.Equal(indexed, second.IndexedHead);
        Assert.Equal(25, second.CatchUp());
        AssertSameAsWalk(wiki, second, revision: null);
    }

    [Fact]
    public void AnIndexOfAnotherHistoryIsBuiltAgain()
    {
        using var other = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        Generate(other, new Random(8), 10);
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        Generate(wiki, new Random(9), 20);
        var file = Path.Combine(wiki.Root, "cache", "history.db");
        using (var foreign = new HistoryIndex(other.Feed, file))
        {
            foreign.CatchUp();
        }

        using var index = new HistoryIndex(wiki.Feed, file);

        Assert.Equal(22, index.CatchUp());
        AssertSameAsWalk(wiki, index, revision: null);
    }

    [Fact]
    public void HistoryFollowsAMoveBackToTheOldPathAndStopsWhereThePageWasCreated()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        wiki.Pages.Save(new PageSave(P("noord/oud"), "eerste leven\n", Alice, "eerste"));
        wiki.Pages.Delete(P("noord/oud"), Alice);
        wiki.Pages.Save(new PageSave(P("noord/oud"), "tweede leven\n", Alice, "opnieuw"));
        wiki.Pages.Save(new PageSave(P("noord/oud"), "tweede leven, bijgewerkt\n", Bob, "bijgewerkt"));
        wiki.Pages.Move(P("noord/oud"), P("zuid/nieuw"), Bob);
        using var index = new HistoryIndex(wiki.Feed, null);

        var history = index.Entries("zuid/nieuw.md");

        Assert.Equal(["Moved", "Modified", "Added"], history.Select(h => h.Kind.ToString()));
        Assert.Equal(["zuid/nieuw.md", "noord/oud.md", "noord/oud.md"], history.Select(h => h.Path));
        Assert.Equal("noord/oud.md", history[0].MovedFrom);
        Assert.Equal(ItemRef.Parse("page:zuid/nieuw"), history[0].Item);
        Assert.Equal(["bijgewerkt", "opnieuw"], history.Skip(1).Select(h => h.Commit.Subject));
    }

    [Fact]
    public async Task ReadersDuringSavesSeeEveryCommitOnceAndNeverAPartialOne()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        wiki.Pages.Save(new PageSave(P("noord/druk"), "0\n", Alice, "versie 0"));
        using var index = new HistoryIndex(wiki.Feed, Path.Combine(wiki.Root, "cache", "history.db"));
        const int Saves = 40;
        var saving = Task.Run(() =>
        {
            for (var i = 1; i <= Saves; i++)
            {
                wiki.Pages.Save(new PageSave(P("noord/druk"), $"{i}\n", i % 2 == 0 ? Alice : Bob, $"versie {i}"));
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var rounds = 0;
            while (!saving.IsCompleted || rounds == 0)
            {
                var history = index.FileHistory("noord/druk.md", 1000).Select(c => c.Subject).ToList();
                // Newest first, each version once, none left out below the newest seen.
                var newest = int.Parse(history[0]["versie ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(Enumerable.Range(0, newest + 1).Reverse().Select(i => $"versie {i}"), history);
                rounds++;
            }

            return rounds;
        })).ToList();

        await saving;
        Assert.All(await Task.WhenAll(readers), rounds => Assert.True(rounds > 0));
        AssertSameAsWalk(wiki, index, revision: null);
        Assert.Equal(Saves + 1, index.FileHistory("noord/druk.md", 1000).Count);
    }

    private static void AssertSameAsWalk(TempWiki wiki, HistoryIndex index, string? revision)
    {
        foreach (var file in ItemFiles(wiki, revision))
        {
            var walk = wiki.Repository.FileHistory(file, 1000, revision).Select(c => $"{c.Id} {c.Path} {c.AuthorName} {c.When:O} {c.Message}");
            var indexed = index.FileHistory(file, 1000, revision).Select(c => $"{c.Id} {c.Path} {c.AuthorName} {c.When:O} {c.Message}");
            Assert.Equal(walk, indexed);
        }
    }

    private static List<string> ItemFiles(TempWiki wiki, string? revision) =>
        wiki.Repository.ListFiles(revision).Select(e => e.Path).Where(p => ContentPaths.Classify(p) is { Kind: not ItemKind.Space }).ToList();

    /// <summary>Random saves, edits, moves (also to another space), deletes and task changes: one commit each.</summary>
    internal static List<string> Generate(TempWiki wiki, Random random, int operations)
    {
        var tasks = new TaskStore(wiki.Repository, wiki.Catalog);
        var commits = new List<string>();
        string[] spaces = ["noord", "zuid"];
        string[] names = ["alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"];
        var authors = new[] { Alice, Bob };
        for (var i = 0; i < operations; i++)
        {
            var pages = wiki.Catalog.Current.Pages.Select(p => p.Path).ToList();
            var author = authors[random.Next(authors.Length)];
            var free = P($"{spaces[random.Next(2)]}/{names[random.Next(names.Length)]}{(random.Next(3) == 0 ? "/sub" : "")}");
            var existing = pages.Count == 0 ? (PagePath?)null : pages[random.Next(pages.Count)];
            var roll = random.Next(10);
            if (existing is { } page && roll < 3)
            {
                wiki.Pages.Save(new PageSave(page, $"versie {i}\n{new string('x', random.Next(200))}\n", author, $"bewerking {i}"));
            }
            else if (existing is { } moving && roll < 5 && !pages.Any(p => p == free || Within(p, free) || Within(p, moving) || Within(free, p)))
            {
                wiki.Pages.Move(moving, free, author);
            }
            else if (existing is { } gone && roll < 6 && !pages.Any(p => Within(p, gone)))
            {
                wiki.Pages.Delete(gone, author, $"weg {i}");
            }
            else if (roll < 8 && !pages.Any(p => p == free || Within(p, free)))
            {
                wiki.Pages.Save(new PageSave(free, $"nieuw {i}\n", author, $"nieuw {i}"));
            }
            else if (wiki.Catalog.Current.TasksIn("noord").ToList() is { Count: > 0 } open && roll < 9)
            {
                var task = open[random.Next(open.Count)];
                if (random.Next(4) == 0)
                {
                    tasks.Delete(task.Key, author);
                }
                else
                {
                    tasks.Update(task.Key, t => t with { Title = $"Taak {i}" }, author);
                }
            }
            else
            {
                tasks.Create("noord", new WikiTask("", "", $"Taak {i}", "", null, null, TaskPriority.Normal, [], [], "", "alice", DateTimeOffset.UtcNow), author);
            }

            commits.Add(wiki.Feed.Head!);
        }

        Assert.Equal(operations, commits.Distinct().Count());
        return commits;
    }

    private static bool Within(PagePath page, PagePath folder) => page.Value.StartsWith(folder.Value + "/", StringComparison.Ordinal);

    private static void DeleteDatabase(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
