namespace TeamWiki.Storage.Pages;

/// <summary>A page in the trash: deleted, and nothing written at its address since.</summary>
/// <param name="Path">Where it was.</param>
/// <param name="Title">Its title when it was deleted.</param>
/// <param name="DeletedBy">Who deleted it (the commit's author name).</param>
/// <param name="DeletedByEmail">Their e-mail address as the commit records it.</param>
/// <param name="Deleted">When.</param>
/// <param name="Revision">The last commit in which the page existed, from which a restore takes it.</param>
/// <param name="DeletionCommit">The commit that deleted it.</param>
public sealed record DeletedPage(PagePath Path, string Title, string DeletedBy, string DeletedByEmail, DateTimeOffset Deleted, string Revision, string DeletionCommit)
{
    /// <summary>
    /// The most deleted pages one request lists (the newest deletions): each costs a history lookup and a
    /// title, so a space with thousands of deletions must not make every trash view read them all.
    /// Ask for one more to learn whether there are more.
    /// </summary>
    public const int MostListed = 100;
}
