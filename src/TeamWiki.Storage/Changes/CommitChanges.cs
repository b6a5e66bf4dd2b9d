namespace TeamWiki.Storage.Changes;

/// <summary>
/// One commit on the branch and what it changed: the unit the change feed publishes. A merge commit
/// lists only what differs from every one of its parents (what the merge itself decided); what it
/// brought in from the other side was published with the commits of that side.
/// </summary>
/// <param name="Commit">The commit id.</param>
/// <param name="Parent">The first parent, or null for the root commit.</param>
/// <param name="Author">Author name.</param>
/// <param name="AuthorEmail">Author e-mail.</param>
/// <param name="When">Author date.</param>
/// <param name="Message">The full commit message.</param>
/// <param name="Changes">The items changed, in path order.</param>
public sealed record CommitChanges(string Commit, string? Parent, string Author, string AuthorEmail, DateTimeOffset When, string Message, IReadOnlyList<ContentChange> Changes)
{
    /// <summary>First line of the message.</summary>
    public string Subject => Message.Split('\n', 2)[0].Trim();
}
