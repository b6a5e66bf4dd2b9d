using TeamWiki.Storage.Changes;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.History;

/// <summary>
/// The history index's lines of activity: what the change feed published, a move as a deletion in the
/// old space and a creation in the new one, newest first, found along indexes for every filter.
/// </summary>
public class ActivityLinesTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(4711)]
    public void TheLinesAreTheFeedsChangesNewestFirstForEveryFilter(int seed)
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid", "west"]);
        HistoryIndexTests.Generate(wiki, new Random(seed), 90);
        PushOldCommit(wiki);
        using var index = new HistoryIndex(wiki.Feed, null);
        var expected = Expected(wiki);

        // The generated history holds moves (also across spaces), deletions, tasks and two authors.
        Assert.Contains(expected, l => l.Kind == ChangeKind.Deleted && l.Subject.StartsWith("Move ", StringComparison.Ordinal));
        Assert.Contains(expected, l => l.Item.Kind == ItemKind.Task);
        Assert.Equal(3, expected.Select(l => l.Email).Distinct().Count());
        Assert.Equal(Describe(expected), Describe(index.Activity(new ActivityFilter(), int.MaxValue)));

        var carla = index.Activity(new ActivityFilter(AuthorEmail: "Carla@Example.org"), 10);
        Assert.Equal("west/oud.md", Assert.Single(carla).Path);
        // Written in 2020 and pushed last: by date it is the oldest line, although the newest commit.
        Assert.Equal(expected[^1].Commit, carla[0].Commit.Id);

        var since = expected[expected.Count / 2].When;
        var filters = new List<(ActivityFilter Filter, Func<Line, bool> Holds)>
        {
            (new ActivityFilter(Spaces: ["noord"]), l => l.Space == "noord"),
            (new ActivityFilter(Spaces: ["noord", "zuid"]), l => l.Space is "noord" or "zuid"),
            (new ActivityFilter(Spaces: ["zuid", "west", "nergens"], Kind: ItemKind.Page), l => l.Space is "zuid" or "west" && l.Item.Kind == ItemKind.Page),
            (new ActivityFilter(Kind: ItemKind.Task), l => l.Item.Kind == ItemKind.Task),
            (new ActivityFilter(Spaces: ["noord", "zuid"], AuthorEmail: Bob.Email), l => l.Space is "noord" or "zuid" && l.Email == Bob.Email),
            (new ActivityFilter(AuthorEmail: Alice.Email.ToUpperInvariant(), Kind: ItemKind.Page), l => l.Email == Alice.Email && l.Item.Kind == ItemKind.Page),
            (new ActivityFilter(Since: since), l => l.When >= since),
            (new ActivityFilter(Spaces: ["zuid"], Since: since), l => l.Space == "zuid" && l.When >= since),
            (new ActivityFilter(Spaces: [], Kind: ItemKind.Page), _ => false),
        };
        var someItems = expected.Select(l => l.Item).Distinct().Where((_, i) => i % 3 == 0).ToList();
        filters.Add((new ActivityFilter(Items: someItems), l => someItems.Contains(l.Item)));
        foreach (var (filter, holds) in filters)
        {
            foreach (var max in new[] { 1, 7, int.MaxValue })
            {
                Assert.Equal(Describe(expected.Where(holds).Take(max)), Describe(index.Activity(filter, max)));
            }
        }
    }

    [Fact]
    public void AMoveAcrossSpacesIsTheOldItemDeletedThereAndTheNewOneCreatedHere()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        wiki.Pages.Save(new PageSave(P("noord/reis"), "onderweg\n", Alice, "begin"));
        wiki.Pages.Move(P("noord/reis"), P("zuid/aangekomen"), Bob);
        using var index = new HistoryIndex(wiki.Feed, null);

        var north = index.Activity(new ActivityFilter(Spaces: ["noord"]), 10);
        var south = index.Activity(new ActivityFilter(Spaces: ["zuid"], Kind: ItemKind.Page), 10);

        Assert.Equal(["Deleted page:noord/reis", "Added page:noord/reis"], north.Select(l => $"{l.Kind} {l.Item}"));
        Assert.Equal(["Added page:zuid/aangekomen"], south.Select(l => $"{l.Kind} {l.Item}"));
        Assert.Equal(north[0].Commit.Id, south[0].Commit.Id);
        Assert.Equal(Bob.Email, south[0].Commit.AuthorEmail);
    }

    [Fact]
    public void EveryFilterTheFeedsUseWalksAnIndexInTheFeedsOrder()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["noord", "zuid"]);
        HistoryIndexTests.Generate(wiki, new Random(1), 10);
        using var index = new HistoryIndex(wiki.Feed, null);
        index.CatchUp();
        var filters = new[]
        {
            new ActivityFilter(),
            new ActivityFilter(Kind: ItemKind.Page),
            new ActivityFilter(AuthorEmail: Alice.Email),
            new ActivityFilter(Spaces: ["noord"]),
            new ActivityFilter(Spaces: ["noord", "zuid"]),
            new ActivityFilter(Spaces: ["noord", "zuid"], Kind: ItemKind.Task),
            new ActivityFilter(Spaces: ["noord", "zuid"], AuthorEmail: Bob.Email),
            new ActivityFilter(Spaces: ["noord"], Since: DateTimeOffset.UtcNow.AddDays(-84)),
            new ActivityFilter(Since: DateTimeOffset.UtcNow.AddDays(-84)),
        };

        foreach (var filter in filters)
        {
            var plan = index.PlanOf(filter);
            // No sort of every matching row: the index hands the lines over newest first, and LIMIT stops the walk.
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            Assert.Contains(plan, step => step.StartsWith("SCAN a USING INDEX ix_activity_", StringComparison.Ordinal) || step.StartsWith("SEARCH a USING INDEX ix_activity_", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step is "SCAN a" or "SCAN c");
        }

        // An item's lines come straight from its own index entries.
        Assert.Contains(index.PlanOf(new ActivityFilter(Items: [ItemRef.Parse("page:noord/alfa")])), step => step.Contains("ix_activity_item (item=?)", StringComparison.Ordinal));
    }

    private sealed record Line(ItemRef Item, ChangeKind Kind, string Space, string Path, string Commit, string Email, DateTimeOffset When, string Subject);

    /// <summary>The lines as the change feed says they are, in the feed's order: an independent reading of what the index must hold.</summary>
    private static List<Line> Expected(TempWiki wiki)
    {
        var lines = new List<(Line Line, int Seq, int Ord)>();
        var seq = 0;
        foreach (var commit in wiki.Feed.After(null, int.MaxValue))
        {
            seq++;
            var ord = 0;
            foreach (var change in commit.Changes)
            {
                var sides = change.Kind == ChangeKind.Moved
                    ? new[] { (ContentPaths.Classify(change.PathBefore)!.Value, ChangeKind.Deleted, change.PathBefore!), (change.Item, ChangeKind.Added, change.PathAfter!) }
                    : [(change.Item, change.Kind, change.Path)];
                foreach (var (item, kind, path) in sides.Where(s => s.Item1.Kind != ItemKind.Space))
                {
                    lines.Add((new Line(item, kind, path.Split('/')[0], path, commit.Commit, commit.AuthorEmail.ToLowerInvariant(), commit.When, commit.Subject), seq, ord++));
                }
            }
        }

        return lines.OrderByDescending(l => l.Line.When.UtcTicks).ThenByDescending(l => l.Seq).ThenByDescending(l => l.Ord).Select(l => l.Line).ToList();
    }

    private static List<string> Describe(IEnumerable<Line> lines) =>
        lines.Select(l => $"{l.Commit[..8]} {l.Kind} {l.Item} in {l.Space} at {l.Path} by {l.Email} {l.When:O} {l.Subject}").ToList();

    private static List<string> Describe(IEnumerable<ActivityLine> lines) =>
        lines.Select(l => $"{l.Commit.Id[..8]} {l.Kind} {l.Item} in {l.Space} at {l.Path} by {l.Commit.AuthorEmail.ToLowerInvariant()} {l.Commit.When:O} {l.Commit.Subject}").ToList();

    /// <summary>A page written outside the wiki with a date long past, pushed after everything else.</summary>
    private static void PushOldCommit(TempWiki wiki)
    {
        var clone = Path.Combine(wiki.Root, "clone");
        Paths.RunGit($"clone -q \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        File.WriteAllText(Path.Combine(clone, "west", "oud.md"), "Uit een oud archief.\n");
        Paths.RunGit("add -A", clone);
        Paths.RunGit("commit -q --date=2020-03-01T10:00:00+01:00 -m \"Oud archief\"", clone);
        Paths.RunGit("push -q origin main", clone);
        wiki.Repository.Refresh();
    }
}
