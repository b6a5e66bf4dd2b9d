namespace TeamWiki.Web.Pages.Links;

/// <summary>
/// When the link graph is written to <c>cache/links.bin</c> (<see cref="LinkGraphFile"/>): a few seconds after it
/// was built from the catalog, and at most once a minute after commits, since each write is a full rewrite.
/// A file at an older commit is still a good start: the graph catches up from the change feed.
/// </summary>
internal sealed class KeptLinkGraph(string file, ILogger logger) : IDisposable
{
    private static readonly TimeSpan FirstSaveDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(60);

    private readonly TeamWiki.Storage.Caching.DelayedSave _delayedSave = new();

    /// <summary>The kept graph, or null when there is none to trust.</summary>
    public (string Commit, Dictionary<string, IReadOnlyList<string>> Targets)? Read() => LinkGraphFile.Read(file);

    /// <summary>Writes what <paramref name="take"/> gives after a delay, once for a burst of changes.</summary>
    public void ScheduleSave(bool full, Func<(string Commit, List<KeyValuePair<string, IReadOnlyList<string>>> Targets)?> take) =>
        _delayedSave.Schedule(full ? FirstSaveDelay : SaveDelay, () => Save(take));

    /// <summary>Writes now (tests, and the delayed save).</summary>
    public void Save(Func<(string Commit, List<KeyValuePair<string, IReadOnlyList<string>>> Targets)?> take)
    {
        if (take() is not { } graph)
        {
            return;
        }

        try
        {
            // The data folder may be gone (a removed test folder, an uninstall): do not make it again.
            if (Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(file)))))
            {
                LinkGraphFile.Write(file, graph.Commit, graph.Targets);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a speed-up for the next start.
            logger.LogDebug(ex, "The link graph could not be kept on disk");
        }
    }

    /// <summary>Cancels a save still waiting and waits for one under way.</summary>
    public void Dispose()
    {
        try
        {
            _delayedSave.Dispose();
        }
        catch (AggregateException ex)
        {
            logger.LogDebug(ex, "The link graph could not be kept on disk");
        }
    }
}
