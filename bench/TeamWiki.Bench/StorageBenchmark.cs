using System.Diagnostics;
using System.Text;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamWiki.Storage;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Bench;

/// <summary>
/// Saving a page through the page store (what the API and the editor do: size check, base revision,
/// compare-and-swap, cache upkeep) against the least libgit2 can do for the same change (blob, tree
/// from the parent, commit, move the branch), on two identical repositories of N pages, interleaved so
/// both see the same disk and CPU weather.
/// </summary>
public static class StorageBenchmark
{
    private static readonly ContentAuthor Author = new("Bench Mark", "bench@example.org");

    public static string Run(int pageCount, int saves)
    {
        var source = BenchCorpus.Pages(pageCount);
        var root = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "storage-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            using var ours = GitContentRepository.OpenOrCreate(Path.Combine(root, "ours.git"));
            var import = Stopwatch.StartNew();
            ContentSeeder.SeedIfEmpty(ours, source, NullLogger.Instance);
            var importSeconds = import.Elapsed.TotalSeconds;
            using (var rawSeed = GitContentRepository.OpenOrCreate(Path.Combine(root, "raw.git")))
            {
                ContentSeeder.SeedIfEmpty(rawSeed, source, NullLogger.Instance);
            }

            var store = new PageStore(ours, new ContentCatalog(ours), Options.Create(new StorageOptions()));
            using var raw = new Repository(Path.Combine(root, "raw.git"));
            var paths = BenchCorpus.PagePaths(source);
            var random = new Random(42);

            // Latency, interleaved: an editor's save (based on the revision it opened) vs a raw commit.
            var oursMs = new List<double>();
            var rawMs = new List<double>();
            for (var i = -20; i < saves; i++)
            {
                var path = PagePath.Parse(paths[random.Next(paths.Count)]);
                var page = store.Get(path)!;
                var text = page.Markdown + $"\nBewerking {i}.\n";
                var watch = Stopwatch.StartNew();
                store.Save(new PageSave(path, text, Author, "bench", page.Revision));
                var oursElapsed = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                RawCommit(raw, path.FilePath, text);
                var rawElapsed = watch.Elapsed.TotalMilliseconds;
                if (i >= 0)
                {
                    oursMs.Add(oursElapsed);
                    rawMs.Add(rawElapsed);
                }
            }

            // Throughput: back-to-back saves of each kind, the same changes, prepared beforehand (as requests
            // arriving with their text and base revision).
            var prepared = paths.OrderBy(_ => random.Next()).Take(saves).Select(p =>
            {
                var path = PagePath.Parse(p);
                var page = store.Get(path)!;
                return (Path: path, Text: page.Markdown + "x\n", Base: page.Revision);
            }).ToList();
            var oursRun = Stopwatch.StartNew();
            foreach (var (path, text, baseRevision) in prepared)
            {
                store.Save(new PageSave(path, text, Author, "bench", baseRevision));
            }

            var oursPerSecond = saves / oursRun.Elapsed.TotalSeconds;
            var rawRun = Stopwatch.StartNew();
            foreach (var (path, text, _) in prepared)
            {
                RawCommit(raw, path.FilePath, text);
            }

            var rawPerSecond = saves / rawRun.Elapsed.TotalSeconds;

            // Reading a page (text, title, last change), as a page view does before rendering.
            var reads = new List<double>();
            store.PreloadLastChanges();
            foreach (var p in paths.OrderBy(_ => random.Next()).Take(saves))
            {
                var watch = Stopwatch.StartNew();
                store.Get(PagePath.Parse(p));
                reads.Add(watch.Elapsed.TotalMilliseconds);
            }

            var o = new Stats(oursMs);
            var r = new Stats(rawMs);
            var g = new Stats(reads);
            return $"""
                Repository: {pageCount:N0} pages in 10 spaces (import as one commit: {importSeconds:0.0} s), {saves} saves of random pages.

                | | TeamWiki `PageStore.Save` | raw LibGit2Sharp commit | ratio (target ≤ 2×) |
                |---|---:|---:|---:|
                | save latency p50 | {o.P50:0.00} ms | {r.P50:0.00} ms | **{o.P50 / r.P50:0.00}×** |
                | save latency p95 | {o.P95:0.00} ms | {r.P95:0.00} ms | {o.P95 / r.P95:0.00}× |
                | sequential saves/s | {oursPerSecond:0} /s | {rawPerSecond:0} /s | **{rawPerSecond / oursPerSecond:0.00}×** |

                Reading a page (`PageStore.Get`: text, title, last change, after the start-up preload): p50 {g.P50:0.00} ms, p95 {g.P95:0.00} ms.

                The raw commit is the least libgit2 can do for the same change: blob, tree from the parent,
                commit, move the branch. `PageStore.Save` adds the size check, the base-revision check (no
                merge needed here: nobody else edits), the compare-and-swap on the branch and cache upkeep.
                The sequential run saves {saves} different pages back to back with texts and base revisions
                prepared beforehand, for both.
                """;
        }
        finally
        {
            try
            {
                Directory.Delete(root, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void RawCommit(Repository repo, string path, string text)
    {
        var head = repo.Head.Tip;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var blob = repo.ObjectDatabase.CreateBlob(stream);
        var definition = TreeDefinition.From(head.Tree);
        definition.Add(path, blob, Mode.NonExecutableFile);
        var tree = repo.ObjectDatabase.CreateTree(definition);
        var signature = new Signature(Author.Name, Author.Email, DateTimeOffset.Now);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, "bench", tree, [head], true);
        repo.Refs.UpdateTarget(repo.Refs["refs/heads/main"], commit.Id, "bench");
    }
}
