using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Items;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Search.Said;

namespace TeamWiki.Bench;

/// <summary>
/// Issue 13 §4: search with everything people said. N pages plus N posts and comments (<see cref="SaidCorpus"/>):
/// (1) indexing items/s in process, through the app's own mappings (pages, posts with replies, comments), all
/// cores; (2) a server holding the same pages and posts and comments (the pages seeded into git, the posts and
/// comments written into its database, then its index rebuilt by the server itself), where
/// <c>GET /api/search</c> is timed against the raw Lucene query that produces the same results page, run in
/// this process on a reader of the server's own index folder, query by query (<see cref="SearchHttpBenchmark.Measure"/>).
/// </summary>
public static class SaidSearchBenchmark
{
    public sealed record Result(int Pages, int Posts, int Comments, double IndexSeconds, double IndexCpuSeconds, int Indexed, SearchHttpBenchmark.Result Http, double RebuildSeconds);

    public static async Task<Result> RunAsync(int pageCount, int saidCount, IReadOnlyList<string> queries)
    {
        var source = BenchCorpus.Pages(pageCount);
        var pagePaths = BenchCorpus.PagePaths(source).Where(p => p.Contains('/')).ToList();
        var analyzers = new WikiAnalyzers();
        analyzers.Preload();

        // (1) Indexing in process: pages and what people said, mapped as the app maps them, one Replace.
        var said = SaidCorpus.Make(saidCount, pagePaths, "bench-author");
        var (indexSeconds, indexCpu, indexed) = Index(source, said, analyzers);
        Console.WriteLine($"Indexed {indexed:N0} items in {indexSeconds:0.0} s ({indexed / indexSeconds:N0} items/s; {indexCpu:0.0} CPU s)");

        // (2) The server: pages seeded into git at its first start; posts and comments written into its
        // database while it is stopped; the index removed so the next start rebuilds it with everything.
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "said-server-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            using (var first = await ServerProcess.StartAsync(data, source))
            {
                await first.WaitUntilIndexedAsync(TimeSpan.FromMinutes(60));
            }

            await WriteSaidAsync(Path.Combine(data, "teamwiki.db"), said);
            Directory.Delete(Path.Combine(data, "index"), recursive: true);
            var watch = Stopwatch.StartNew();
            using var server = await ServerProcess.StartAsync(data, null);
            await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(60));
            await WaitForDocumentsAsync(Path.Combine(data, "index"), pagePaths.Count + said.Posts.Count + said.Comments.Count, analyzers, TimeSpan.FromMinutes(30));
            var rebuild = watch.Elapsed.TotalSeconds;
            var http = await SearchHttpBenchmark.Measure(server, data, queries, analyzers, rebuild);
            return new Result(pagePaths.Count, said.Posts.Count, said.Comments.Count, indexSeconds, indexCpu, indexed, http, rebuild);
        }
        finally
        {
            try
            {
                Directory.Delete(data, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static (double Seconds, double CpuSeconds, int Items) Index(string source, SaidCorpus.Said said, WikiAnalyzers analyzers)
    {
        var directory = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "said-index-" + Guid.NewGuid().ToString("n")[..6]);
        var renderer = new MarkdownRenderer();
        var pages = new PageDocuments(renderer);
        var documents = new SaidDocuments(renderer);
        var people = new Dictionary<string, TeamWiki.Web.Accounts.Person>();
        var updated = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var items = new List<Func<SearchDocument?>>();
        foreach (var file in Directory.GetFiles(source, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            items.Add(() =>
            {
                var path = PagePath.Parse(Path.GetRelativePath(source, file).Replace('\\', '/'));
                var (meta, body) = FrontMatter.Split(File.ReadAllText(file));
                return pages.From(path, PageTitles.Of(path, meta, body), body, meta, "Bench", updated);
            });
        }

        items.AddRange(said.Posts.Select(p => (Func<SearchDocument?>)(() => documents.FromPost(p, people))));
        items.AddRange(said.Comments.Select(c => (Func<SearchDocument?>)(() =>
        {
            ItemRef.TryParse(c.Target, out var item);
            return documents.FromComment(c, new ItemTarget(item, c.SpaceKey, item.Id, ItemLinks.For("page", item.Id)), people);
        })));
        try
        {
            using var index = new WikiSearchIndex(directory, analyzers);
            // CPU time too: on a machine shared with other builds the wall time says more about them than about us.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var count = index.Replace(items, make => make(), "bench");
            return (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, count);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    // Straight into the server's database (it is stopped): posting 100,000 items through the API would measure
    // the API's saves, not search.
    private static async Task WriteSaidAsync(string database, SaidCorpus.Said said)
    {
        var options = new DbContextOptionsBuilder<TeamWikiDbContext>().UseSqlite($"Data Source={database}").Options;
        await using (var db = new TeamWikiDbContext(options))
        {
            var author = await db.Users.Select(u => u.Id).FirstAsync();
            foreach (var post in said.Posts)
            {
                post.AuthorId = author;
                post.Replies.ForEach(r => r.AuthorId = author);
            }

            foreach (var comment in said.Comments)
            {
                comment.AuthorId = author;
            }

            foreach (var batch in said.Posts.Chunk(5_000))
            {
                db.Posts.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            foreach (var batch in said.Comments.Chunk(5_000))
            {
                db.Comments.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task WaitForDocumentsAsync(string indexFolder, int expected, WikiAnalyzers analyzers, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var seen = 0;
        while (watch.Elapsed < timeout)
        {
            try
            {
                using var raw = new RawLucene(indexFolder, analyzers);
                seen = raw.Documents;
                if (seen >= expected)
                {
                    return;
                }
            }
            catch (IOException)
            {
                // The index is being written: look again.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The server's index holds {seen:N0} documents, not the {expected:N0} expected");
    }
}
