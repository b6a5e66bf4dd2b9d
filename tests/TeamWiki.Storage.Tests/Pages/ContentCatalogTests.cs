using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Pages;

public class ContentCatalogTests : IDisposable
{
    private readonly TempWiki _wiki = new();

    [Fact]
    public void TheSampleWikiHasSpacesWithNamesAndPagesWithTitles()
    {
        var snapshot = _wiki.Catalog.Current;
        Assert.True(snapshot.Spaces.Count >= 3);
        Assert.True(snapshot.Pages.Count >= 25);
        Assert.All(snapshot.Spaces, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.All(snapshot.Pages, p => Assert.False(string.IsNullOrWhiteSpace(p.Title)));
    }

    [Fact]
    public void ASpaceWhoseSettingsFileCannotBeReadIsPrivateNotInternal()
    {
        var blob = _wiki.Repository.BlobIdOf("handboek/" + TeamWiki.Storage.Spaces.SpaceMetadata.FileName)!;
        Assert.Equal(TeamWiki.Storage.Spaces.SpaceVisibility.Internal, _wiki.Catalog.Current.FindSpace("handboek")!.Visibility);
        var loose = Path.Combine(_wiki.GitDirectory, "objects", blob[..2], blob[2..]);
        Assert.True(File.Exists(loose), "the settings blob is a loose object of the test repository");
        File.Delete(loose);

        using var reopened = TeamWiki.Storage.Git.GitContentRepository.OpenOrCreate(_wiki.GitDirectory);
        var space = new ContentCatalog(reopened).Current.FindSpace("handboek")!;

        Assert.Equal(TeamWiki.Storage.Spaces.SpaceVisibility.Private, space.Visibility);
        Assert.NotNull(space.SettingsProblem);
    }

    [Fact]
    public void TheSnapshotFollowsSaves()
    {
        var before = _wiki.Catalog.Current;
        _wiki.Pages.Save(new PageSave(P("handboek/nieuw-hier"), "---\ntitle: Nieuw hier\ntags: [test]\n---\n", Alice));
        var after = _wiki.Catalog.Current;

        Assert.NotSame(before, after);
        Assert.Equal("Nieuw hier", after.Find(P("handboek/nieuw-hier"))!.Title);
        Assert.Equal("handboek/nieuw-hier", after.FindByTitle("nieuw HIER", null)!.Path.Value);
        Assert.NotEqual(before.PathSetVersion, after.PathSetVersion);
    }

    [Fact]
    public void EditingAPageKeepsThePathSetVersion()
    {
        _wiki.Pages.Save(new PageSave(P("handboek/vast"), "1\n", Alice));
        var before = _wiki.Catalog.Current.PathSetVersion;
        _wiki.Pages.Save(new PageSave(P("handboek/vast"), "2\n", Alice));
        Assert.Equal(before, _wiki.Catalog.Current.PathSetVersion);
    }

    [Fact]
    public void TitleLookupPrefersTheSameSpace()
    {
        _wiki.CreateSpace("ruimte-a");
        _wiki.CreateSpace("ruimte-b");
        _wiki.Pages.Save(new PageSave(P("ruimte-a/faq"), "---\ntitle: FAQ\n---\n", Alice));
        _wiki.Pages.Save(new PageSave(P("ruimte-b/faq"), "---\ntitle: FAQ\n---\n", Alice));
        Assert.Equal("ruimte-b/faq", _wiki.Catalog.Current.FindByTitle("FAQ", "ruimte-b")!.Path.Value);
        Assert.Equal("ruimte-a/faq", _wiki.Catalog.Current.FindByTitle("FAQ", "elders")!.Path.Value);
    }

    [Fact]
    public async Task ParsedTitlesAreKeptOnDiskForTheNextStart()
    {
        var cache = Path.Combine(_wiki.Root, "cache", "catalog.bin");
        var first = new ContentCatalog(_wiki.Repository, cache);
        var titles = first.Current.Pages.ToDictionary(p => p.Path.Value, p => p.Title);
        // The catalog writes its cache in the background: wait for the file (a generous deadline ends a hang, it does not time anything).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(cache) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(cache), $"no catalog cache at {cache} after 60 s");
        var second = new ContentCatalog(_wiki.Repository, cache);
        Assert.Equal(titles, second.Current.Pages.ToDictionary(p => p.Path.Value, p => p.Title));
    }

    [Fact]
    public void ADamagedCacheFileIsIgnored()
    {
        var cache = Path.Combine(_wiki.Root, "cache", "catalog.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        File.WriteAllBytes(cache, [1, 0, 0, 0, 255, 255, 255, 127, 9, 9]);
        var catalog = new ContentCatalog(_wiki.Repository, cache);
        Assert.Equal("Welkom bij Lindeboom ICT", catalog.Current.Find(P("handboek/welkom"))!.Title);
    }

    public void Dispose() => _wiki.Dispose();
}
