namespace TeamWiki.Storage.Git;

/// <summary>The branch moved, by a save in this process or by a commit from outside (git push).</summary>
/// <param name="OldHead">The previous tip, or null when the repository was empty.</param>
/// <param name="NewHead">The new tip.</param>
/// <param name="External">True when the change did not come from this process.</param>
public sealed record HeadMovedEventArgs(string? OldHead, string NewHead, bool External);
