using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Web.Search.Indexing;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TeamWiki.Bench;

/// <summary>
/// Project spaces on a server (separate process, Release, loopback): the board of a space with 5,000
/// tasks next to a plain page view on the same server, and document uploads (real PDF, Word and text
/// files) through the API until they are searchable, next to a raw libgit2 commit of the same bytes.
/// </summary>
public static class ProjectsBenchmark
{
    private const string Space = "werk";

    public static async Task<string> RunAsync(int taskCount, int documentCount)
    {
        var seed = Seed(taskCount);
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "projects-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            using var server = await ServerProcess.StartAsync(data, seed);
            await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(10));
            var cookie = await server.SignInAsync();
            using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1, AllowAutoRedirect = false }) { BaseAddress = server.Address };
            browser.DefaultRequestHeaders.Add("Cookie", cookie);
            using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Token);

            var page = await TimeAsync(browser, $"/wiki/{Space}/start", 200, "start");
            var board = await TimeAsync(browser, $"/spaces/{Space}/board", 200, "card-WK-");
            var list = await TimeAsync(browser, $"/spaces/{Space}/tasks", 100, "WK-1");
            var json = await TimeAsync(api, $"/api/spaces/{Space}/tasks", 50, "\"key\"");
            var home = await TimeAsync(browser, $"/wiki/{Space}", 100, "space-open-tasks");
            var moves = await MovesAsync(api, 100);

            var files = Documents(documentCount);
            var (uploads, raw, searchableSeconds, totalBytes) = await UploadsAsync(server, api, files);
            var extraction = Extraction(files);

            return $"""
                A space with {taskCount:N0} tasks (statuses, assignees, due dates, labels and a description of corpus
                text each), on a server in its own process; one signed-in client, requests one after another
                (latency, not load), after 20 warm-up requests each.

                | request | p50 | p99 | against a page view (p50) |
                |---|---:|---:|---:|
                | page view `GET /wiki/{Space}/start` (baseline) | {page.P50:0.0} ms | {page.P99:0.0} ms | 1.00× |
                | **board** `GET /spaces/{Space}/board` (prerendered HTML of all columns; 100 cards per column, "show all" for more) | **{board.P50:0.0} ms** | {board.P99:0.0} ms | {board.P50 / page.P50:0.00}× |
                | task list `GET /spaces/{Space}/tasks` (first 100 of {taskCount:N0}, paged) | {list.P50:0.0} ms | {list.P99:0.0} ms | {list.P50 / page.P50:0.00}× |
                | space home (tree, open tasks by status, documents, activity) | {home.P50:0.0} ms | {home.P99:0.0} ms | {home.P50 / page.P50:0.00}× |
                | `GET /api/spaces/{Space}/tasks` (all {taskCount:N0} as JSON) | {json.P50:0.0} ms | {json.P99:0.0} ms | {json.P50 / page.P50:0.00}× |
                | move a card: `PATCH /api/tasks/{"{key}"}` with a new status (a commit) | {moves.P50:0.0} ms | {moves.P99:0.0} ms | |

                Documents: {files.Count} files ({files.Count(f => f.Name.EndsWith(".pdf"))} PDF, {files.Count(f => f.Name.EndsWith(".docx"))} Word,
                {files.Count(f => f.Name.EndsWith(".txt"))} text; {totalBytes / 1e6:0.0} MB in all) uploaded one after another with
                `POST /api/spaces/{Space}/documents` (multipart, bearer token), against a raw LibGit2Sharp commit of the same bytes
                into a bare repository (blob, tree, commit, branch) in the benchmark process.

                | | TeamWiki upload over HTTP | raw libgit2 commit | ratio |
                |---|---:|---:|---:|
                | latency p50 | {uploads.P50:0.0} ms | {raw.P50:0.00} ms | {uploads.P50 / raw.P50:0.0}× |
                | latency p99 | {uploads.P99:0.0} ms | {raw.P99:0.00} ms | |
                | throughput | {files.Count / (uploads.Total / 1000):0.0} files/s, {totalBytes / 1e6 / (uploads.Total / 1000):0.0} MB/s | {files.Count / (raw.Total / 1000):0} files/s | |

                All {files.Count} searchable (the index at the last commit) **{searchableSeconds:0.0} s** after the first upload
                began: **{files.Count / searchableSeconds:0.0} documents/s** uploaded, committed, text extracted and indexed.
                Text extraction alone, in process: {extraction}.
                """;
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

    /// <summary>A seed folder: one space with a page and N tasks whose descriptions are corpus text.</summary>
    private static string Seed(int taskCount)
    {
        var target = Path.Combine(Path.GetTempPath(), "teamwiki-bench", $"projects-seed-v2-{taskCount}");
        if (File.Exists(Path.Combine(target, ".complete")))
        {
            return target;
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, true);
        }

        var corpus = BenchCorpus.Pages(Math.Min(taskCount, 10_000));
        var texts = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split("---", 3)[^1].Trim()).ToList();
        var tasks = Path.Combine(target, Space, "_tasks");
        Directory.CreateDirectory(tasks);
        File.WriteAllText(Path.Combine(target, Space, "_space.yml"), "name: Werk\ndescription: Een ruimte met veel taken\ntaskPrefix: WK\n");
        File.WriteAllText(Path.Combine(target, Space, "start.md"), "---\ntitle: Start\n---\n\n" + texts[0]);
        var statuses = new[] { "todo", "doing", "done", "done" };
        var random = new Random(11);
        for (var n = 1; n <= taskCount; n++)
        {
            var text = texts[n % texts.Count];
            var title = text.Split('\n', 2)[0].TrimStart('#', ' ');
            title = title.Length > 80 ? title[..80] : title;
            var due = DateTime.Today.AddDays(random.Next(-30, 60)).ToString("yyyy-MM-dd");
            var group = Path.Combine(tasks, (n / 100 * 100).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(group);
            File.WriteAllText(Path.Combine(group, $"WK-{n}.md"), $"""
                ---
                title: "{title.Replace("\"", "'")}"
                status: {statuses[random.Next(statuses.Length)]}
                assignee: persoon{random.Next(20)}
                due: {due}
                priority: {(random.Next(10) == 0 ? "high" : "normal")}
                labels: [label-{random.Next(15)}]
                ---

                {(text.Length > 600 ? text[..600] : text)}

                - [x] eerste stap
                - [ ] tweede stap

                """);
        }

        File.WriteAllText(Path.Combine(target, ".complete"), "");
        return target;
    }

    private static async Task<Stats> TimeAsync(HttpClient http, string url, int count, string expect)
    {
        var times = new List<double>();
        for (var i = -20; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url}: {response.StatusCode}, no '{expect}' in the answer");
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Stats(times);
    }

    private static async Task<Stats> MovesAsync(HttpClient api, int count)
    {
        var times = new List<double>();
        string[] statuses = ["todo", "doing", "done"];
        for (var i = 0; i < count; i++)
        {
            var body = new StringContent(JsonSerializer.Serialize(new { status = statuses[i % 3] }), Encoding.UTF8, "application/json");
            var watch = Stopwatch.StartNew();
            using var response = await api.PatchAsync($"/api/tasks/WK-{i % 50 + 1}", body);
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Stats(times);
    }

    private sealed record BenchFile(string Name, byte[] Content, string Marker);

    /// <summary>Real documents: a third PDF (two pages of corpus text), a third Word, a third plain text.</summary>
    private static List<BenchFile> Documents(int count)
    {
        var corpus = BenchCorpus.Pages(1_000);
        var texts = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split("---", 3)[^1].Trim()).ToList();
        var files = new List<BenchFile>();
        for (var i = 0; i < count; i++)
        {
            var marker = $"kenmerk{i:0000}x";
            var text = marker + " " + string.Join(' ', Enumerable.Range(0, 6).Select(k => texts[(i * 7 + k) % texts.Count]));
            files.Add((i % 3) switch
            {
                0 => new BenchFile($"rapport-{i}.pdf", Pdf(text), marker),
                1 => new BenchFile($"notitie-{i}.docx", Word(text), marker),
                _ => new BenchFile($"verslag-{i}.txt", Encoding.UTF8.GetBytes(text), marker),
            });
        }

        return files;
    }

    private static async Task<(Stats Uploads, Stats Raw, double SearchableSeconds, long Bytes)> UploadsAsync(ServerProcess server, HttpClient api, List<BenchFile> files)
    {
        var uploads = new List<double>();
        var all = Stopwatch.StartNew();
        foreach (var file in files)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file.Content), "files", file.Name } };
            var watch = Stopwatch.StartNew();
            using var response = await api.PostAsync($"/api/spaces/{Space}/documents", form);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{file.Name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            uploads.Add(watch.Elapsed.TotalMilliseconds);
        }

        await server.WaitUntilIndexedAsync(TimeSpan.FromMinutes(10));
        var searchable = all.Elapsed.TotalSeconds;
        var last = files[^1];
        var found = JsonDocument.Parse(await api.GetStringAsync("/api/search?q=" + last.Marker)).RootElement.GetProperty("total").GetInt32();
        if (found != 1)
        {
            throw new InvalidOperationException($"The last document is not found by its marker ({found} hits)");
        }

        var rawRoot = Path.Combine(Path.GetTempPath(), "teamwiki-bench", "raw-docs-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            Repository.Init(rawRoot, isBare: true);
            using var repo = new Repository(rawRoot);
            var raw = new List<double>();
            foreach (var file in files)
            {
                var watch = Stopwatch.StartNew();
                RawCommit(repo, $"{Space}/_documents/{file.Name}", file.Content);
                raw.Add(watch.Elapsed.TotalMilliseconds);
            }

            return (new Stats(uploads), new Stats(raw), searchable, files.Sum(f => (long)f.Content.Length));
        }
        finally
        {
            Directory.Delete(rawRoot, true);
        }
    }

    private static string Extraction(List<BenchFile> files)
    {
        var text = new DocumentText(NullLogger<DocumentText>.Instance);
        var parts = new List<string>();
        foreach (var group in files.GroupBy(f => Path.GetExtension(f.Name)))
        {
            var list = group.ToList();
            text.Extract(list[0].Name, list[0].Content);
            var watch = Stopwatch.StartNew();
            foreach (var file in list)
            {
                text.Extract(file.Name, file.Content);
            }

            parts.Add($"{group.Key} {list.Count / watch.Elapsed.TotalSeconds:N0} files/s");
        }

        return string.Join(", ", parts);
    }

    private static void RawCommit(Repository repo, string path, byte[] content)
    {
        var head = repo.Head.Tip;
        using var stream = new MemoryStream(content);
        var blob = repo.ObjectDatabase.CreateBlob(stream);
        var definition = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        definition.Add(path, blob, Mode.NonExecutableFile);
        var tree = repo.ObjectDatabase.CreateTree(definition);
        var signature = new LibGit2Sharp.Signature("Bench Mark", "bench@example.org", DateTimeOffset.Now);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, "bench", tree, head is null ? [] : [head], true);
        repo.Refs.UpdateTarget("HEAD", commit.Id.Sha);
    }

    private static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        const int perLine = 12;
        const int linesPerPage = 50;
        var lines = words.Chunk(perLine).Select(c => string.Join(' ', c)).ToList();
        foreach (var pageLines in lines.Chunk(linesPerPage).Take(3))
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            for (var l = 0; l < pageLines.Length; l++)
            {
                page.AddText(new string(pageLines[l].Where(c => c is >= ' ' and < (char)127).ToArray()), 10, new UglyToad.PdfPig.Core.PdfPoint(40, 800 - l * 15), font);
            }
        }

        return builder.Build();
    }

    private static byte[] Word(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(text.Split(". ").Select(s => new W.Paragraph(new W.Run(new W.Text(s) { Space = SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }
}
