namespace TeamWiki.Web.Activity;

/// <summary>
/// Folds a person's run of edits to one item into one feed line: ten saves of a page in a working session
/// say "edited Verlof (10×)" once instead of filling the feed. A run is consecutive lines (newest first, as
/// the feeds list them) of the same kind of item, the same item, the same person, all "edited", the oldest
/// at most <see cref="Window"/> before the newest; anything else between them ends the run.
/// </summary>
public static class FeedGrouping
{
    /// <summary>How far apart the newest and the oldest edit of one line may be.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary><paramref name="newestFirst"/> with each run of edits folded into its newest line, counted.</summary>
    public static IReadOnlyList<FeedItem> Collapse(IEnumerable<FeedItem> newestFirst)
    {
        var lines = new List<FeedItem>();
        foreach (var item in newestFirst)
        {
            if (lines.Count > 0 && SameRun(lines[^1], item))
            {
                lines[^1] = lines[^1] with { Count = lines[^1].Count + item.Count };
                continue;
            }

            lines.Add(item);
        }

        return lines;
    }

    private static bool SameRun(FeedItem newer, FeedItem older) =>
        newer.Action == "edited" && older.Action == "edited"
        && newer.Kind == older.Kind
        && newer.Url is not null && newer.Url == older.Url
        && newer.ActorName == older.ActorName && newer.ActorHandle == older.ActorHandle
        && newer.At - older.At <= Window;
}
