namespace TeamWiki.Storage.Git;

/// <summary>A revision given by the caller is malformed or does not name a commit in the repository.</summary>
public sealed class RevisionNotFoundException(string revision)
    : Exception($"Revision '{(revision.Length > 50 ? revision[..50] + "…" : revision)}' does not exist")
{
    /// <summary>The revision as given.</summary>
    public string Revision { get; } = revision;
}
