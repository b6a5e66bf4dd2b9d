namespace TeamWiki.Storage.Git;

/// <summary>The branch moved, by a save in this process or by a commit from outside (git push).</summary>
/// <param name="OldHead">The previous tip, or null when the repository was empty.</param>
/// <param name="NewHead">The new tip.</param>
/// <param name="External">True when the change did not come from this process.</param>
/// <param name="ChangedPaths">
/// For a commit of this process made right on <paramref name="OldHead"/>: the paths it wrote, removed or
/// moved (a superset of what differs), so a listener need not compare the trees. Null when not known.
/// </param>
public sealed record HeadMovedEventArgs(string? OldHead, string NewHead, bool External, IReadOnlyCollection<string>? ChangedPaths = null);
