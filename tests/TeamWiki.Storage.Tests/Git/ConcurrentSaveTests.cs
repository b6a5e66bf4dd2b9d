using System.Collections.Concurrent;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

public class ConcurrentSaveTests
{
    private const int Writers = 8;
    private const int SavesPerWriter = 50;
    private static readonly string[] SharedPages = ["handboek/gedeeld-een", "handboek/gedeeld-twee", "kennisbank/gedeeld-drie"];

    /// <summary>
    /// Eight writers save fifty times each into three shared pages, each from the revision it last read.
    /// Every writer appends to its own section, so edits interleave on the same page and must be merged;
    /// a conflicting save (git considers adjacent hunks conflicting) is retried from a fresh read, as a
    /// person would. At the end every acknowledged line is present and git fsck is clean.
    /// </summary>
    [Fact]
    public async Task EveryAcknowledgedEditSurvivesEightConcurrentWriters()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["handboek", "kennisbank"]);
        foreach (var page in SharedPages)
        {
            wiki.Pages.Save(new PageSave(P(page), InitialText(), Alice));
        }

        var acknowledged = new ConcurrentBag<(string Page, string Line, string Revision)>();
        var merges = 0;
        var conflicts = 0;
        // Each round every writer reads, waits for the others, then saves: the saves really overlap.
        using var round = new Barrier(Writers);

        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            var author = new ContentAuthor($"Schrijver {w}", $"writer{w}@example.org");
            for (var i = 0; i < SavesPerWriter; i++)
            {
                var page = P(SharedPages[(w + i) % SharedPages.Length]);
                var line = $"- schrijver {w} bijdrage {i}";
                var first = true;
                while (true)
                {
                    var current = wiki.Pages.Get(page)!;
                    var text = AppendToSection(current.Markdown, w, line);
                    if (first)
                    {
                        round.SignalAndWait();
                        first = false;
                    }

                    try
                    {
                        var result = wiki.Pages.Save(new PageSave(page, text, author, $"w{w} #{i}", current.Revision));
                        if (result.Merged)
                        {
                            Interlocked.Increment(ref merges);
                        }

                        acknowledged.Add((page.Value, line, result.Revision));
                        break;
                    }
                    catch (PageConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        Assert.Equal(Writers * SavesPerWriter, acknowledged.Count);
        foreach (var group in acknowledged.GroupBy(a => a.Page))
        {
            var final = wiki.Pages.Get(P(group.Key))!.Markdown;
            foreach (var (_, line, revision) in group)
            {
                Assert.Contains(line + "\n", final);
                // The acknowledged revision is in the branch's history and holds the line.
                Assert.Contains(line, wiki.Repository.ReadFile(group.Key + ".md", revision)!.Text);
            }
        }

        Assert.True(merges > 0, "the test should exercise merging");
        var fsck = wiki.Git("fsck --full --strict");
        Assert.DoesNotContain("error", fsck, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("missing", fsck, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("broken", fsck, StringComparison.OrdinalIgnoreCase);
        var count = int.Parse(wiki.Git("rev-list --count main").Trim());
        // One commit per space, one per page created, one per acknowledged save.
        Assert.Equal(2 + SharedPages.Length + Writers * SavesPerWriter, count);
    }

    /// <summary>
    /// A reader racing with writers must always get a revision whose text is the text it got: a newer
    /// revision paired with older text made a later save undo the edits in between (a lost update).
    /// </summary>
    [Fact]
    public async Task AReadRacingWithSavesPairsTheTextWithItsOwnRevision()
    {
        using var wiki = new TempWiki(seed: false, spaces: ["handboek", "kennisbank"]);
        var page = P("handboek/race");
        wiki.Pages.Save(new PageSave(page, "start\n", Alice));
        using var stop = new CancellationTokenSource();
        var saves = 0;
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                wiki.Pages.Save(new PageSave(page, $"versie {i}\n", Bob));
                Interlocked.Increment(ref saves);
            }
        });
        var mismatches = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var read = wiki.Pages.Get(page)!;
                Interlocked.Increment(ref reads);
                if (wiki.Repository.BlobIdOf(page.FilePath, read.Revision) != read.BlobId)
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        })).ToArray();

        // Race until there was plenty to race over (a count, not a duration: a slow machine races as much).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((Volatile.Read(ref saves) < 200 || Volatile.Read(ref reads) < 1_000) && DateTime.UtcNow < deadline && !writer.IsCompleted)
        {
            await Task.Delay(20);
        }

        stop.Cancel();
        await Task.WhenAll([writer, .. readers]);

        Assert.True(saves >= 200 && reads >= 1_000, $"only {saves} saves and {reads} reads before the deadline");
        Assert.Equal(0, mismatches);
    }

    private static string InitialText() =>
        "# Gedeeld\n\n" + string.Join("\n", Enumerable.Range(0, Writers).Select(w => $"## Sectie {w}\n\nInhoud van sectie {w}.\n\n<!-- einde {w} -->\n"));

    private static string AppendToSection(string text, int writer, string line)
    {
        var marker = $"\n<!-- einde {writer} -->";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return text[..at] + "\n" + line + text[at..];
    }
}
