using TeamWiki.Storage.Spaces;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Spaces;

public class SpaceStoreTests : IDisposable
{
    private readonly TempWiki _wiki = new();
    private readonly SpaceStore _spaces;

    public SpaceStoreTests() => _spaces = new SpaceStore(_wiki.Repository, _wiki.Catalog);

    [Fact]
    public void CreatingASpaceWritesItsSettingsAndPicksAFreePrefix()
    {
        var space = _spaces.Create(new SpaceInfo("Klant Beta", "Klant Beta", "Alles voor klant Beta") { Visibility = SpaceVisibility.Private, Colour = "#AA3300" }, Alice);
        Assert.Equal("klant-beta", space.Key);
        Assert.Equal("KB2", space.TaskPrefix);
        var stored = _wiki.Catalog.Current.FindSpace("klant-beta")!;
        Assert.Equal(SpaceVisibility.Private, stored.Visibility);
        Assert.Equal("#aa3300", stored.Colour);
        Assert.Equal(space, stored);
    }

    [Fact]
    public void ExistingKeysTakenPrefixesAndBadColumnsAreRefused()
    {
        Assert.Throws<SpaceExistsException>(() => _spaces.Create(new SpaceInfo("handboek", "Dubbel", ""), Alice));
        Assert.Throws<InvalidSpaceException>(() => _spaces.Create(new SpaceInfo("x", "Te kort", ""), Alice));
        Assert.Throws<InvalidSpaceException>(() => _spaces.Create(new SpaceInfo("nieuw", "Nieuw", "") { TaskPrefix = "HB" }, Alice));
        var atlas = _wiki.Catalog.Current.FindSpace("project-atlas")!;
        Assert.Throws<InvalidSpaceException>(() => _spaces.Update(atlas with { Columns = [new BoardColumn("todo", "Alleen")] }, Alice));
    }

    [Fact]
    public void ColumnsCanBeRenamedAndAddedAndArchivingIsKept()
    {
        var atlas = _wiki.Catalog.Current.FindSpace("project-atlas")!;
        _spaces.Update(atlas with { Archived = true, Columns = [new("todo", "Backlog"), new("review", "Review"), new("done", "Klaar")] }, Alice);
        var after = _wiki.Catalog.Current.FindSpace("project-atlas")!;
        Assert.True(after.Archived);
        Assert.Equal(["Backlog", "Review", "Klaar"], after.Columns.Select(c => c.Name));
        Assert.Equal("done", after.DoneStatus);
    }

    public void Dispose() => _wiki.Dispose();
}
