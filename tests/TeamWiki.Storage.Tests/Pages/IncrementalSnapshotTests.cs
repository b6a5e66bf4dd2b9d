using System.Globalization;
using System.Text;
using LibGit2Sharp;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

/// <summary>
/// The catalog makes each snapshot from the previous one and the commit's changes; after any mix of saves,
/// moves, deletes and outside pushes it must equal a snapshot built from scratch, page tree included, and a
/// snapshot handed out earlier must not change.
/// </summary>
public class IncrementalSnapshotTests : IDisposable
{
    private static readonly string[] Spaces = ["boom", "vlak"];
    private static readonly string[] Names = ["a", "b", "c", "kort", "lang", "zee"];
    private static readonly string[] Titles = ["Alfa", "beta", "Gamma", "alfa", "Zeta"];
    private readonly TempWiki _wiki = new(seed: true, spaces: Spaces);
    private readonly Random _random = new(20261207);

    [Fact]
    public void AfterRandomSavesMovesDeletesAndPushesTheIncrementalSnapshotEqualsAFreshOne()
    {
        var early = _wiki.Catalog.Current;
        var earlyDescription = Describe(early);
        for (var step = 0; step < 120; step++)
        {
            var before = _wiki.Repository.Head;
            try
            {
                RandomStep(step);
            }
            catch (Exception ex) when (ex is PageNotFoundException or PageExistsException or InvalidMoveException)
            {
                // A random move onto an existing page or into itself is refused; the next step goes on.
            }

            var incremental = _wiki.Catalog.Current;
            var fresh = new ContentCatalog(_wiki.Repository).Current;
            Assert.Equal(fresh.Commit, incremental.Commit);
            Assert.Equal(Describe(fresh), Describe(incremental));
            foreach (var space in incremental.Spaces)
            {
                Assert.Equal(DescribeTree(NaiveTree(incremental, space.Key)), DescribeTree(incremental.Tree(space.Key)));
                Assert.Equal(incremental.InSpace(space.Key).Count(), incremental.PageCount(space.Key));
            }

            Assert.True(before != incremental.Commit || step > 0, "the first step committed nothing");
        }

        Assert.True(_wiki.Catalog.Current.Pages.Count > early.Pages.Count / 2, "the random steps left the wiki nearly empty");
        Assert.Equal(earlyDescription, Describe(early));
    }

    [Fact]
    public void ASnapshotMadeFromListsEqualsTheCatalogsForTheSameContent()
    {
        _wiki.Pages.Save(new PageSave(P("boom/ouder/kind"), "---\ntitle: Kind\n---\n", Alice));
        var current = _wiki.Catalog.Current;
        var rebuilt = new ContentSnapshot(current.Commit, current.Pages, current.Spaces, current.Tasks,
            current.Spaces.ToDictionary(s => s.Key, s => current.HighestTaskNumber(s.Key)), current.Spaces.SelectMany(s => current.DocumentsIn(s.Key)));

        Assert.Equal(Describe(current), Describe(rebuilt));
    }

    private void RandomStep(int step)
    {
        var pages = _wiki.Catalog.Current.Pages.Where(p => Spaces.Contains(p.Path.Space) || p.Path.Space == "handboek").ToList();
        var choice = step < 15 ? 0 : _random.Next(7);
        switch (choice)
        {
            case 0 or 1:
                _wiki.Pages.Save(new PageSave(RandomPath(), $"---\ntitle: {Pick(Titles)}\n---\nTekst {step}\n", Alice));
                break;
            case 2 when pages.Count > 0:
                _wiki.Pages.Save(new PageSave(Pick(pages).Path, $"# {Pick(Titles)} {step}\n", Bob));
                break;
            case 3 when pages.Count > 0:
                _wiki.Pages.Delete(Pick(pages).Path, Alice);
                break;
            case 4 when pages.Count > 0:
                _wiki.Pages.Move(Pick(pages).Path, RandomPath(), Alice);
                break;
            case 5:
                Push(step);
                break;
            default:
                _wiki.Repository.Commit(new CommitRequest(
                [
                    Put($"{Pick(Spaces)}/_tasks/0/BO-{_random.Next(1, 6)}.md", $"---\ntitle: Taak {step}\n---\n"),
                    Put($"{Pick(Spaces)}/_documents/doc{_random.Next(3)}.txt", $"document {step}"),
                    Put($"{Pick(Spaces)}/_space.yml", $"name: Ruimte {step}\n"),
                ], Alice, "tasks, documents and settings"));
                break;
        }
    }

    /// <summary>An outside writer: several files in one commit straight into the bare repository, then the wiki notices.</summary>
    private void Push(int step)
    {
        using (var repo = new Repository(_wiki.GitDirectory))
        {
            var head = repo.Head.Tip;
            var tree = TreeDefinition.From(head.Tree);
            for (var i = 0; i < 3; i++)
            {
                var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes($"---\ntitle: {Pick(Titles)}\n---\nvan buiten {step}\n")));
                tree.Add(RandomPath().FilePath, blob, Mode.NonExecutableFile);
            }

            var existing = repo.Head.Tip.Tree["vlak"]?.Target as Tree;
            if (existing?.FirstOrDefault(e => e.Name.EndsWith(".md", StringComparison.Ordinal)) is { } gone)
            {
                tree.Remove("vlak/" + gone.Name);
            }

            var who = new Signature("Carla Outside", "carla@example.org", DateTimeOffset.Now);
            var commit = repo.ObjectDatabase.CreateCommit(who, who, "push " + step, repo.ObjectDatabase.CreateTree(tree), [head], true);
            repo.Refs.UpdateTarget(repo.Refs[GitContentRepository.BranchRef], commit.Id);
        }

        _wiki.Repository.Refresh();
    }

    private PagePath RandomPath()
    {
        var depth = _random.Next(1, 4);
        var segments = Enumerable.Range(0, depth).Select(_ => Pick(Names));
        return P(Pick(Spaces) + "/" + string.Join('/', segments));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static FileChange Put(string path, string text) => new PutFile(path, Encoding.UTF8.GetBytes(text));

    /// <summary>The tree as the old code built it on each request: every page and its folders, grouped by parent, sorted.</summary>
    private static IReadOnlyList<PageTreeNode> NaiveTree(ContentSnapshot snapshot, string space)
    {
        var pages = snapshot.InSpace(space).ToDictionary(p => p.Path.Value, StringComparer.Ordinal);
        var all = new HashSet<string>(pages.Keys, StringComparer.Ordinal);
        foreach (var page in pages.Values)
        {
            for (var parent = page.Path.Parent; parent is { } p; parent = p.Parent)
            {
                all.Add(p.Value);
            }
        }

        var byParent = all.GroupBy(p => p[..p.LastIndexOf('/')], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var titles = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);
        IReadOnlyList<PageTreeNode> Build(string parent) => byParent.TryGetValue(parent, out var kids)
            ? kids.Select(k => pages.TryGetValue(k, out var page)
                    ? new PageTreeNode(k, page.Title, true, Build(k))
                    : new PageTreeNode(k, PageTitles.FromSlug(k[(k.LastIndexOf('/') + 1)..]), false, Build(k)))
                .OrderBy(n => n.Title, titles).ThenBy(n => n.Path, StringComparer.Ordinal).ToList()
            : [];
        return Build(space);
    }

    private static string DescribeTree(IReadOnlyList<PageTreeNode> nodes, string indent = "") =>
        string.Concat(nodes.Select(n => $"{indent}{n.Path} {n.Title} {n.Exists}\n{DescribeTree(n.Children, indent + "  ")}"));

    private static string Describe(ContentSnapshot s) => string.Join("\n",
        s.Pages.Select(p => $"page {p.Path.Value} {p.Title} {p.BlobId} {string.Join(',', p.Tags)} byTitle={string.Join(',', s.FindAllByTitle(p.Title).Select(t => t.Path.Value))}")
            .Concat(s.Tasks.Select(t => $"task {t.Key} {t.Title} {t.Status} {t.FilePath} {t.BlobId}"))
            .Concat(s.Spaces.Select(sp => $"space {sp.Key} {sp.Name} {sp.TaskPrefix} {s.HighestTaskNumber(sp.Key)} {s.PageCount(sp.Key)} tasks={string.Join(',', s.TasksIn(sp.Key).Select(t => t.Key))}"))
            .Concat(s.Spaces.SelectMany(sp => s.DocumentsIn(sp.Key)).Select(d => $"doc {d.Path} {d.BlobId}"))
            .Concat(s.Spaces.Select(sp => "tree " + sp.Key + "\n" + DescribeTree(s.Tree(sp.Key))))
            .Order(StringComparer.Ordinal)
            .Append($"spaces in order {string.Join(',', s.Spaces.Select(sp => sp.Key))}")
            .Append($"path set {s.PathSetVersion} {s.Pages.Count}"));

    public void Dispose() => _wiki.Dispose();
}
