namespace TeamWiki.Storage.Tests.Support;

/// <summary>git's own verdict on a repository: every object reachable, readable and well-formed.</summary>
public static class FsckAssert
{
    public static void Clean(TempWiki wiki)
    {
        var fsck = wiki.Git("fsck --full --strict --no-dangling");
        Assert.DoesNotContain("error", fsck, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("missing", fsck, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("broken", fsck, StringComparison.OrdinalIgnoreCase);
    }
}
