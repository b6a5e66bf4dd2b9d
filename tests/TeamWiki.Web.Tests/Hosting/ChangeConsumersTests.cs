using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Search;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Hosting;

public class ChangeConsumersTests
{
    [Fact]
    public async Task EachConsumerSeesEachChangeOnceAndInOrderAlsoAcrossARestartWithAPushInBetween()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        var clone = data + "-clone";
        try
        {
            using (var first = new ExistingDataFactory(data))
            {
                var api = first.AdminClient();
                await api.PutPageAsync("kennisbank/feed-een", "Een keer opgeslagen.\n");
                await api.PutPageAsync("kennisbank/feed-twee", "Ook een keer.\n");
                await api.PutPageAsync("kennisbank/feed-een", "Twee keer opgeslagen.\n");
                await CaughtUpAsync(first);
            }

            // While the wiki is down, someone pushes a new page and a change to one of the others.
            Git($"clone -q \"{Path.Combine(data, "wiki.git")}\" \"{clone}\"", Path.GetTempPath());
            File.WriteAllText(Path.Combine(clone, "kennisbank", "feed-drie.md"), "Gepusht terwijl de wiki uit stond: blauwvintonijn.\n");
            File.WriteAllText(Path.Combine(clone, "kennisbank", "feed-twee.md"), "Van buiten bijgewerkt.\n");
            Git("add -A", clone);
            Git("commit -q -m \"Van buiten\"", clone);
            Git("push -q origin main", clone);

            using var second = new ExistingDataFactory(data);
            var client = second.AdminClient();
            await CaughtUpAsync(second);
            await client.SearchUntilFoundAsync("blauwvintonijn", "kennisbank/feed-drie");

            // Every commit's changes are in the history index's activity once, in the order of the branch.
            var order = Git("rev-list --reverse --topo-order main", Path.Combine(data, "wiki.git")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var events = second.Services.GetRequiredService<HistoryIndex>().Activity(new ActivityFilter(), int.MaxValue)
                .OrderBy(l => l.Sequence).Select(l => new { Commit = l.Commit.Id, l.Item, l.Kind }).ToList();
            Assert.Equal(events.Count, events.Select(e => (e.Commit, e.Item, e.Kind)).Distinct().Count());
            Assert.Equal(events.Select(e => order[e.Commit]).Order(), events.Select(e => order[e.Commit]));
            Assert.Equal([ChangeKind.Added, ChangeKind.Modified], events.Where(e => e.Item.Id == "kennisbank/feed-een").Select(e => e.Kind));
            Assert.Equal([ChangeKind.Added, ChangeKind.Modified], events.Where(e => e.Item.Id == "kennisbank/feed-twee").Select(e => e.Kind));
            Assert.Equal([ChangeKind.Added], events.Where(e => e.Item.Id == "kennisbank/feed-drie").Select(e => e.Kind));
            // Every commit on the branch that touched a page, task or document is there.
            var feed = second.Services.GetRequiredService<IChangeFeed>();
            var expected = feed.After(null, int.MaxValue).Where(c => c.Changes.Any(x => x.Item.Kind != ItemKind.Space)).Select(c => c.Commit).ToHashSet();
            Assert.Equal(expected.Order(), events.Select(e => e.Commit).Distinct().Order());
        }
        finally
        {
            foreach (var folder in new[] { data, clone })
            {
                TempFolders.Delete(folder);
            }
        }
    }

    /// <summary>Waits until the search index and the change notifier both stored the tip of the branch as their position.</summary>
    private static Task CaughtUpAsync(TeamWikiFactory factory)
    {
        var feed = factory.Services.GetRequiredService<IChangeFeed>();
        var index = factory.Services.GetRequiredService<ISearchIndex>();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>();
        return Eventually.UntilAsync(
            async () =>
            {
                await using var db = await contexts.CreateDbContextAsync();
                var recorded = (await db.RecordedHeads.AsNoTracking().FirstOrDefaultAsync())?.Commit;
                return $"head {feed.Head}, index {index.IndexedCommit}, notifier {recorded}";
            },
            state => feed.Head is { } head && state == $"head {head}, index {head}, notifier {head}",
            "the search index and the change notifier to reach the tip");
    }

    private static string Git(string arguments, string directory)
    {
        var psi = new ProcessStartInfo("git", arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Vim Gebruiker";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "vim@example.org";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {arguments}: {error}");
        return output.Result;
    }
}
