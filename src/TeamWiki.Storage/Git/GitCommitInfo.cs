namespace TeamWiki.Storage.Git;

/// <summary>What the wiki shows of a commit.</summary>
/// <param name="Id">Full commit id (40 hex digits).</param>
/// <param name="AuthorName">Author name as recorded in the commit.</param>
/// <param name="AuthorEmail">Author e-mail as recorded in the commit.</param>
/// <param name="When">Author date.</param>
/// <param name="Message">Full commit message.</param>
/// <param name="ParentId">The first parent, or null for the root commit.</param>
/// <param name="Path">For file histories: the file's path in this commit (it changes at a rename).</param>
public sealed record GitCommitInfo(string Id, string AuthorName, string AuthorEmail, DateTimeOffset When, string Message, string? ParentId, string? Path = null)
{
    /// <summary>First line of the message.</summary>
    public string Subject => Message.Split('\n', 2)[0].Trim();
}
