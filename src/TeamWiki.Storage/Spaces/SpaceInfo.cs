namespace TeamWiki.Storage.Spaces;

/// <summary>A space: a top-level folder of the repository. Its folder name is its key.</summary>
/// <param name="Key">The folder name, a slug.</param>
/// <param name="Name">Display name from <c>_space.yml</c>, else the key as words.</param>
/// <param name="Description">Description from <c>_space.yml</c>, or empty.</param>
/// <param name="Language">The space's language (<c>lang: en</c> in <c>_space.yml</c>), or null for Dutch.</param>
public sealed record SpaceInfo(string Key, string Name, string Description, string? Language = null);
