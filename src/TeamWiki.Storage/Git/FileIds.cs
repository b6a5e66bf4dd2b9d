using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>The blob a path held before a commit and holds after it (null: no file there).</summary>
internal readonly record struct FileIds(ObjectId? Before, ObjectId? After);
