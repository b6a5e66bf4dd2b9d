namespace TeamWiki.Storage.Git;

/// <summary>The person a commit is written for: the signed-in user, passed in by the caller.</summary>
public sealed record ContentAuthor(string Name, string Email)
{
    /// <summary>The author of commits the wiki makes by itself (the sample import).</summary>
    public static readonly ContentAuthor System = new("TeamWiki", "teamwiki@localhost");
}
