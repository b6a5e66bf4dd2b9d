using System.Text;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Spaces;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Spaces;

/// <summary><c>_space.yml</c> round-trips whatever the settings hold, and a file that cannot be read fails closed.</summary>
public class SpaceSettingsFileTests : IDisposable
{
    private readonly TempWiki _wiki = new();
    private readonly SpaceStore _spaces;

    public SpaceSettingsFileTests() => _spaces = new SpaceStore(_wiki.Repository, _wiki.Catalog);

    public static TheoryData<string> LineBreaks() => new() { "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void EveryKindOfLineBreakInTheSettingsRoundTrips(string lineBreak)
    {
        var requested = new SpaceInfo("geheim", "Geheim project", $"Eerste regel{lineBreak}tweede regel: \"citaat\" # geen commentaar")
        {
            Visibility = SpaceVisibility.Private,
            TaskPrefix = "GH",
            Columns = [new("todo", $"Nog{lineBreak}doen"), new("klaar", "Klaar")],
        };

        var created = _spaces.Create(requested, Alice);
        var stored = _wiki.Catalog.Current.FindSpace("geheim")!;

        Assert.Null(stored.SettingsProblem);
        Assert.Equal(SpaceVisibility.Private, stored.Visibility);
        Assert.Equal(requested.Description, stored.Description);
        Assert.Equal("Geheim project", stored.Name);
        Assert.Equal(["Nog" + lineBreak + "doen", "Klaar"], stored.Columns.Select(c => c.Name));
        Assert.Equal(created, stored);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void AnUpdateWithALineBreakKeepsAPrivateSpacePrivate(string lineBreak)
    {
        var space = _spaces.Create(new SpaceInfo("geheim", "Geheim", "") { Visibility = SpaceVisibility.Private }, Alice);

        _spaces.Update(space with { Description = "a" + lineBreak + "b" }, Bob);

        var stored = _wiki.Catalog.Current.FindSpace("geheim")!;
        Assert.Equal(SpaceVisibility.Private, stored.Visibility);
        Assert.Equal("a" + lineBreak + "b", stored.Description);
        Assert.Null(stored.SettingsProblem);
    }

    [Fact]
    public void SettingsThatCannotBeWrittenAreRefusedAndNothingIsCommitted()
    {
        var space = _spaces.Create(new SpaceInfo("geheim", "Geheim", "") { Visibility = SpaceVisibility.Private }, Alice);
        var head = _wiki.Repository.Head;

        // Half a surrogate pair: no YAML (and no UTF-8) can hold it, so the file could never read back.
        var refused = Assert.Throws<InvalidSpaceException>(() => _spaces.Update(space with { Description = "kapot \uD800 teken" }, Bob));

        Assert.Contains("nothing was saved", refused.Reason);
        Assert.Equal(head, _wiki.Repository.Head);
        Assert.Equal(space, _wiki.Catalog.Current.FindSpace("geheim"));
    }

    [Theory]
    [InlineData("name: Geheim\ndescription: \"open quote\nvisibility: private\n")]
    [InlineData("name: [Geheim\n")]
    [InlineData("gewoon een zin\n")]
    [InlineData("- name\n- visibility\n")]
    [InlineData("")]
    [InlineData("name: Geheim\nname: Dubbel\n")]
    [InlineData("name: Geheim\nvisibility: [private]\n")]
    [InlineData("name: Geheim\nvisibility:\n  level: private\n")]
    [InlineData("name: Geheim\nvisibility: privaat\n")]
    [InlineData("name: Geheim\nvisibility:\n")]
    public void AnUnreadableSettingsFileMakesTheSpacePrivateAndSaysWhy(string text)
    {
        Commit("openbaar/_space.yml", text);

        var space = _wiki.Catalog.Current.FindSpace("openbaar")!;

        Assert.Equal(SpaceVisibility.Private, space.Visibility);
        Assert.False(string.IsNullOrWhiteSpace(space.SettingsProblem));
    }

    [Fact]
    public void AMissingVisibilityStillMeansInternal()
    {
        Commit("openbaar/_space.yml", "name: Openbaar\n");

        var space = _wiki.Catalog.Current.FindSpace("openbaar")!;

        Assert.Equal(SpaceVisibility.Internal, space.Visibility);
        Assert.Null(space.SettingsProblem);
        Assert.Equal("Openbaar", space.Name);
    }

    [Fact]
    public void SavingTheSettingsAgainRepairsAnUnreadableFile()
    {
        _spaces.Create(new SpaceInfo("geheim", "Geheim", "") { Visibility = SpaceVisibility.Private, TaskPrefix = "GH" }, Alice);
        Commit("geheim/_space.yml", "name: \"Geheim\ndescription: kapot\n");
        var broken = _wiki.Catalog.Current.FindSpace("geheim")!;
        Assert.NotNull(broken.SettingsProblem);

        _spaces.Update(broken with { Name = "Geheim project" }, Alice);

        var repaired = _wiki.Catalog.Current.FindSpace("geheim")!;
        Assert.Null(repaired.SettingsProblem);
        Assert.Equal("Geheim project", repaired.Name);
        Assert.Equal(SpaceVisibility.Private, repaired.Visibility);
    }

    private void Commit(string path, string text) =>
        _wiki.Repository.Commit(new CommitRequest([new PutFile(path, Encoding.UTF8.GetBytes(text))], Bob, "Hand edit"));

    public void Dispose() => _wiki.Dispose();
}
