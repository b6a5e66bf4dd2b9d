using DiffPlex.DiffBuilder.Model;
using TeamWiki.Web.Components.Shared;

namespace TeamWiki.Web.Tests.Components;

/// <summary>The history's diff marks the words that changed inside a changed line, not only the line.</summary>
public sealed class InlineDiffTests
{
    [Fact]
    public void AChangedLineIsSplitIntoTheWordsThatStayedAndTheWordsThatChanged()
    {
        var rows = DiffRows.Build("# Titel\n\nWe vergaderen op dinsdag in zaal 3.\n", "# Titel\n\nWe vergaderen op donderdag in zaal 3.\n");

        var changed = Assert.Single(rows, DiffRows.IsChange);
        Assert.Equal(ChangeType.Modified, changed.Old!.Change);
        Assert.Equal([("We vergaderen op ", false), ("dinsdag", true), (" in zaal 3.", false)], changed.Old.Words.Select(w => (w.Text, w.Changed)));
        Assert.Equal([("We vergaderen op ", false), ("donderdag", true), (" in zaal 3.", false)], changed.New!.Words.Select(w => (w.Text, w.Changed)));
    }

    [Fact]
    public void NeighbouringChangedWordsAreOneMark()
    {
        var rows = DiffRows.Build("Het plan is klaar.\n", "Het nieuwe concept is klaar.\n");

        var changed = Assert.Single(rows, DiffRows.IsChange);
        Assert.Equal(["plan"], changed.Old!.Words.Where(w => w.Changed).Select(w => w.Text));
        Assert.Equal(["nieuwe concept"], changed.New!.Words.Where(w => w.Changed).Select(w => w.Text));
        Assert.Equal("Het nieuwe concept is klaar.", string.Concat(changed.New.Words.Select(w => w.Text)));
    }

    [Fact]
    public void WholeLinesAddedOrRemovedHaveNoWordMarks()
    {
        var rows = DiffRows.Build("Eerste regel.\n", "Eerste regel.\nEen nieuwe regel.\n");

        var added = Assert.Single(rows, DiffRows.IsChange);
        Assert.Equal(ChangeType.Inserted, added.New!.Change);
        Assert.Empty(added.New.Words);
    }
}
