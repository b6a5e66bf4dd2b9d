using System.Collections.Concurrent;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The paths each recent commit of this process wrote, for commits built right on the tip it had
/// published: nothing else differs between such a commit and its parent, so what changed between two
/// of them needs a look-up of those paths in both trees, not a diff of the trees. In a folder of 10,000
/// pages that diff compared every entry of the folder, and the catalog made one for every save.
/// Commits from outside, and anything not recorded here, leave the caller to diff the trees. When the
/// committer also knew the blob each path held before and after (plain files, no merge), not even the
/// look-ups are needed: each one read the whole folder's tree, 10,000 entries in a big space, twice per save.
/// </summary>
internal sealed class OwnCommitPaths
{
    /// <summary>How many commits are remembered, and so how far behind a reader may be and still be answered.</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, (string Parent, string[] Paths, IReadOnlyDictionary<string, FileIds>? Files)> _commits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>
    /// Records that <paramref name="commit"/>, made on <paramref name="parent"/>, changed at most
    /// <paramref name="paths"/>; <paramref name="files"/>, when known, holds the blob of each of them before and after.
    /// </summary>
    public void Record(string commit, string parent, IEnumerable<string> paths, IReadOnlyDictionary<string, FileIds>? files = null)
    {
        if (_commits.TryAdd(commit, (parent, paths.Distinct(StringComparer.Ordinal).ToArray(), files)))
        {
            _order.Enqueue(commit);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _commits.TryRemove(oldest, out _);
            }
        }
    }

    /// <summary>
    /// The files that differ between <paramref name="from"/> and <paramref name="to"/> when every commit
    /// between them was recorded and only files were involved; null otherwise (then diff the trees).
    /// </summary>
    public List<GitChange>? Changes(Commit from, Commit to)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        // Newest first: a path's first "after" is its state in `to`, its last "before" its state in `from`.
        var known = new Dictionary<string, (ObjectId? Before, ObjectId? After)>(StringComparer.Ordinal);
        var allKnown = true;
        var at = to.Sha;
        for (var steps = 0; at != from.Sha; steps++)
        {
            if (steps >= Capacity || !_commits.TryGetValue(at, out var recorded))
            {
                return null;
            }

            paths.UnionWith(recorded.Paths);
            allKnown &= recorded.Files is not null;
            foreach (var (path, ids) in recorded.Files ?? new Dictionary<string, FileIds>())
            {
                known[path] = known.TryGetValue(path, out var newer) ? (ids.Before, newer.After) : (ids.Before, ids.After);
            }

            at = recorded.Parent;
        }

        if (allKnown && paths.All(known.ContainsKey))
        {
            return [.. paths.Order(StringComparer.Ordinal)
                .Where(p => known[p].Before != known[p].After)
                .Select(p => new GitChange(p, known[p].After?.Sha))];
        }

        var result = new List<GitChange>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var before = from[path];
            var after = to[path];
            if (!IsFileOrNothing(before) || !IsFileOrNothing(after) || FileOnTheWay(from, path) || FileOnTheWay(to, path))
            {
                // A folder replaced a file or the other way round: what it held is not among the paths.
                return null;
            }

            if (before?.Target.Id != after?.Target.Id || before?.Mode != after?.Mode)
            {
                result.Add(new GitChange(path, after?.Target.Sha));
            }
        }

        return result;
    }

    private static bool IsFileOrNothing(TreeEntry? entry) => entry is null or { TargetType: TreeEntryTargetType.Blob };

    private static bool FileOnTheWay(Commit commit, string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (commit[path[..slash]] is { TargetType: not TreeEntryTargetType.Tree })
            {
                return true;
            }
        }

        return false;
    }
}
