using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

/// <summary>
/// A catalog started from its kept file makes each space's pages, titles and tree only when a request first
/// asks for that space. What spans spaces (a title looked up in every space, the set of spaces, the path set
/// version, all pages) must answer exactly as a catalog built eagerly from the tree, also when a commit changes
/// one space while another has not been made yet.
/// </summary>
public class LazySpacesTests : IDisposable
{
    private static readonly string[] Spaces = ["boom", "vlak", "veld", "heide"];
    private readonly TempWiki _wiki = new(seed: true, spaces: Spaces);

    private string File => Path.Combine(_wiki.Root, "cache", "catalog.bin");

    [Fact]
    public void APageViewOfOneSpaceMakesOnlyThatSpace()
    {
        Save("boom/eik", "---\ntitle: Eik\n---\n");
        Save("boom/eik/blad", "# Blad\n");
        Save("vlak/wei", "---\ntitle: Wei\n---\n");
        Save("veld/akker", "# Akker\n");
        KeepCatalog();

        var snapshot = Restarted(out _).Current;

        // What a page view of boom/eik/blad asks: its page, its space's tree, a title its links name.
        Assert.Equal("Blad", snapshot.Find(P("boom/eik/blad"))!.Title);
        Assert.Equal(["boom/eik"], snapshot.Tree("boom").Select(n => n.Path));
        Assert.Equal("boom/eik", snapshot.FindByTitle("eik", "boom")!.Path.Value);
        Assert.False(snapshot.PageSpaces["vlak"].PagesMade);
        Assert.False(snapshot.PageSpaces["veld"].PagesMade);
        // Counts and the path set are known without making a space.
        Assert.Equal(Fresh().PathSetVersion, snapshot.PathSetVersion);
        Assert.Equal(Fresh().PageCount("vlak"), snapshot.PageCount("vlak"));
        Assert.False(snapshot.PageSpaces["vlak"].PagesMade);
    }

    [Fact]
    public void ATitleFoundOnlyInAnotherSpaceIsFoundWhileThatSpaceIsNotMadeYet()
    {
        Save("vlak/koffie", "---\ntitle: Koffie-overleg\n---\n");
        Save("veld/koffie", "---\ntitle: Koffie-overleg\n---\n");
        KeepCatalog();

        var snapshot = Restarted(out _).Current;

        Assert.Equal("veld/koffie", snapshot.FindByTitle("KOFFIE-overleg ", "boom")!.Path.Value);
        Assert.Equal("vlak/koffie", snapshot.FindByTitle("koffie-overleg", "vlak")!.Path.Value);
        Assert.Equal(["veld/koffie", "vlak/koffie"], snapshot.FindAllByTitle("Koffie-overleg").Select(p => p.Path.Value));
    }

    [Fact]
    public void ACommitToOneSpaceWhileAnotherIsNotMadeGivesTheEagerCatalog()
    {
        Save("boom/eik", "---\ntitle: Eik\n---\n");
        Save("vlak/wei", "---\ntitle: Wei\n---\n");
        Save("veld/akker", "# Akker\n");
        Save("heide/ven", "# Ven\n");
        KeepCatalog();
        var catalog = Restarted(out _);
        var first = catalog.Current;
        // boom's tree and titles are made before the commits; vlak and veld are not.
        _ = first.Tree("boom");
        _ = first.FindByTitle("Eik", "boom");

        Save("boom/eik/tak", "# Tak\n");
        _wiki.Pages.Move(P("veld/akker"), P("boom/akker"), Alice);
        _wiki.Pages.Delete(P("boom/eik"), Bob);
        Save("vlak/wei", "---\ntitle: Weiland\n---\n");
        var next = catalog.Current;

        Assert.False(next.PageSpaces["heide"].PagesMade);
        Assert.Equal(Describe(Fresh()), Describe(next));
        // The earlier snapshot is untouched by the commits after it.
        Assert.Equal("Eik", first.Find(P("boom/eik"))!.Title);
    }

    [Fact]
    public void ASavedCatalogWithUnmadeSpacesReadsBackAsTheEagerOne()
    {
        Save("boom/eik", "---\ntitle: Eik\ntags: [hout]\n---\n");
        Save("vlak/wei", "# Wei\n");
        KeepCatalog();
        var catalog = Restarted(out _);
        _ = catalog.Current.Tree("boom");
        Save("boom/beuk", "---\ntitle: Beuk\ndescription: Een boom\n---\n");
        _ = catalog.Current;
        // vlak is written back as the block it was read from, boom from its edited pages.
        catalog.Save();

        var again = Restarted(out var startedFrom).Current;

        Assert.Equal(_wiki.Repository.Head, startedFrom);
        Assert.Equal(Describe(Fresh()), Describe(again));
    }

    public void Dispose() => _wiki.Dispose();

    private void Save(string path, string markdown) => _wiki.Pages.Save(new PageSave(P(path), markdown, Alice));

    private void KeepCatalog()
    {
        var kept = new ContentCatalog(_wiki.Repository, File);
        _ = kept.Current;
        kept.Save();
    }

    private ContentCatalog Restarted(out string? startedFrom)
    {
        var catalog = new ContentCatalog(_wiki.Repository, File);
        _ = catalog.Current;
        startedFrom = catalog.StartedFrom;
        Assert.NotNull(startedFrom);
        return catalog;
    }

    private ContentSnapshot Fresh() => new ContentCatalog(_wiki.Repository).Current;

    private static string DescribeTree(IReadOnlyList<PageTreeNode> nodes, string indent = "") =>
        string.Concat(nodes.Select(n => $"{indent}{n.Path} {n.Title} {n.Exists}\n{DescribeTree(n.Children, indent + "  ")}"));

    private static string Describe(ContentSnapshot s) => string.Join("\n",
        s.Pages.Select(p => $"page {p.Path.Value} {p.Title} {p.BlobId} {string.Join(',', p.Tags)} {p.Description} {p.Language} byTitle={string.Join(',', s.FindAllByTitle(p.Title).Select(t => t.Path.Value))} first={s.FindByTitle(p.Title, null)?.Path}")
            .Concat(s.Spaces.Select(sp => $"space {sp.Key} {sp.Name} {s.PageCount(sp.Key)}"))
            .Concat(s.Spaces.Select(sp => "tree " + sp.Key + "\n" + DescribeTree(s.Tree(sp.Key))))
            .Order(StringComparer.Ordinal)
            .Append($"spaces in order {string.Join(',', s.Spaces.Select(sp => sp.Key))}")
            .Append($"path set {s.PathSetVersion} {s.Pages.Count} {s.Commit}"));
}
