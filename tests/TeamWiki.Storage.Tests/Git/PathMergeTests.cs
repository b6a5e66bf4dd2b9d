using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>A save based on an old revision merges only its own file; nothing else is merged, moved or shown.</summary>
public class PathMergeTests
{
    [Fact]
    public void AnEditOfAPageMovedMeanwhileIntoAnotherSpaceNeverReachesItsNewPlace()
    {
        using var wiki = new TempWiki();
        wiki.CreateSpace("geheim");
        var original = "# Plan\n\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"Regel {i} van het plan.")) + "\n";
        var opened = wiki.Pages.Save(new PageSave(P("handboek/plan"), original, Alice));
        wiki.Pages.Move(P("handboek/plan"), P("geheim/plan"), Bob);
        var secret = original.Replace("Regel 20 van het plan.", "Regel 20: alleen voor de directie.");
        wiki.Pages.Save(new PageSave(P("geheim/plan"), secret, Bob));
        var head = wiki.Repository.Head;

        var ex = Assert.Throws<PageConflictException>(() =>
            wiki.Pages.Save(new PageSave(P("handboek/plan"), original.Replace("Regel 1 van", "Regel 1 (aangepast) van"), Alice, BaseRevision: opened.Revision)));

        // Their side is "the page is gone here", not the moved page's text from a space the author may not read.
        Assert.Null(ex.Theirs);
        Assert.Equal(original, ex.Base);
        Assert.Equal(head, wiki.Repository.Head);
        Assert.Equal(secret, wiki.Pages.Get(P("geheim/plan"))!.Markdown);
    }

    [Fact]
    public void AMergedSaveChangesOnlyItsOwnFile()
    {
        using var wiki = new TempWiki();
        var text = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"regel {i}")) + "\n";
        var opened = wiki.Pages.Save(new PageSave(P("handboek/samen"), text, Alice));
        wiki.Pages.Save(new PageSave(P("handboek/samen"), text.Replace("regel 1\n", "regel een\n"), Bob));
        wiki.Pages.Save(new PageSave(P("kennisbank/elders"), "ander bestand\n", Bob));
        var before = wiki.Repository.ListFiles().Where(f => f.Path != "handboek/samen.md").ToList();

        var result = wiki.Pages.Save(new PageSave(P("handboek/samen"), text.Replace("regel 10\n", "regel tien\n"), Alice, BaseRevision: opened.Revision));

        Assert.True(result.Merged);
        Assert.Equal(text.Replace("regel 1\n", "regel een\n").Replace("regel 10\n", "regel tien\n"), wiki.Pages.Get(P("handboek/samen"))!.Markdown);
        Assert.Equal(before, wiki.Repository.ListFiles().Where(f => f.Path != "handboek/samen.md").ToList());
        Assert.Equal(new[] { "handboek/samen.md" }, wiki.Repository.ChangedPaths(wiki.Repository.FindCommit(result.Revision)!.ParentId, result.Revision));
    }

    [Fact]
    public void TwoPagesCreatedAtOnePathWithDifferentTextConflict()
    {
        using var wiki = new TempWiki();
        var start = wiki.Repository.Head;
        wiki.Pages.Save(new PageSave(P("handboek/nieuw"), "de ene tekst\n", Bob));

        var ex = Assert.Throws<PageConflictException>(() => wiki.Pages.Save(new PageSave(P("handboek/nieuw"), "de andere tekst\n", Alice, BaseRevision: start)));
        Assert.Equal("de ene tekst\n", ex.Theirs);
        Assert.Null(ex.Base);
    }
}
