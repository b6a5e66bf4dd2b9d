using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Git;

/// <summary>
/// The wiki saving while, at the same time, a second OS process saves through its own copy of the
/// storage code and the git command line pushes from a clone: three writers that share no lock, only
/// the repository. Every acknowledged save and every accepted push must end up on the branch.
/// </summary>
public class OutsideWritersStressTests
{
    private const int MinSavesPerWriter = 15;
    private const int Pushes = 5;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8); // a hang guard, not a speed target: 4 ran out on a machine at load 50

    [Fact]
    public async Task EveryAcknowledgedSaveAndEveryAcceptedPushSurvivesASecondProcessAndTheGitCli()
    {
        using var wiki = new TempWiki(seed: false, spaces: "stress");
        var shared = P("stress/gedeeld");
        wiki.Pages.Save(new PageSave(shared, "# Gedeeld\n\n## Eerste\n\n<!-- einde eerste -->\n\n## Tweede\n\n<!-- einde tweede -->\n", Alice));
        var stopFile = Path.Combine(wiki.Root, "stop");
        var pace = new Pace(Path.Combine(wiki.Root, "pace"));
        var acknowledged = new ConcurrentBag<(string Page, string Revision, string? Line)>();
        var pushed = new ConcurrentBag<(string Commit, string File, string Text)>();
        using var timeout = new CancellationTokenSource(Deadline);

        using var second = StartSecondWriter(wiki.GitDirectory, "stress", stopFile, pace.File);
        var secondOutput = Task.Run(() => ReadAll(second, acknowledged));
        var pusher = Task.Run(() => Push(wiki, pushed, pace, timeout.Token));
        var ours = Task.Run(() => Save(wiki, shared, acknowledged, pace, () => pusher.IsCompleted, timeout.Token));

        await Task.WhenAll(pusher, ours);
        File.WriteAllText(stopFile, "klaar");
        var secondRetries = await secondOutput;
        Assert.True(second.WaitForExit(Deadline), "the second writer did not stop");
        Assert.Equal(0, second.ExitCode);

        var onBranch = wiki.Git("rev-list main").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Revision, onBranch));
        Assert.All(pushed, p => Assert.Contains(p.Commit, onBranch));
        Assert.Equal(Pushes, pushed.Count);
        Assert.True(acknowledged.Count(a => a.Page.Contains("tweede-")) >= MinSavesPerWriter, "the second writer saved too little");

        var tip = wiki.Git("rev-parse main").Trim();
        var sharedText = wiki.Git($"show {tip}:{shared.FilePath}");
        Assert.All(acknowledged.Where(a => a.Line is not null), a => Assert.Contains(a.Line + "\n", sharedText));
        Assert.All(acknowledged.Where(a => a.Line is null), a => Assert.NotEmpty(wiki.Git($"show {tip}:{a.Page}.md")));
        Assert.All(pushed, p => Assert.Equal(p.Text, wiki.Git($"show {tip}:{p.File}")));
        Assert.True(wiki.Repository.CommitRetries + secondRetries > 0, "the writers never raced; the test proves nothing");
        FsckAssert.Clean(wiki);
    }

    /// <summary>This process: a page of its own and a line in its section of the shared page, per round.</summary>
    private static void Save(TempWiki wiki, PagePath shared, ConcurrentBag<(string, string, string?)> acknowledged, Pace pace, Func<bool> pushesDone, CancellationToken timeout)
    {
        // Until the pushes are done and this writer has lost a race at least once: faster saves make races
        // rarer, and a run without one would prove nothing (bounded by the deadline, which fails loudly).
        for (var i = 0; i < MinSavesPerWriter || !pushesDone() || wiki.Repository.CommitRetries == 0; i++)
        {
            timeout.ThrowIfCancellationRequested();
            var own = P($"stress/eerste-{i}");
            acknowledged.Add((own.Value, wiki.Pages.Save(new PageSave(own, $"Eerste proces, nummer {i}.\n", Alice)).Revision, null));
            var line = $"- eerste proces {i}";
            while (true)
            {
                var current = wiki.Pages.Get(shared)!;
                try
                {
                    var text = current.Markdown.Replace("\n<!-- einde eerste -->", "\n" + line + "\n<!-- einde eerste -->");
                    acknowledged.Add((shared.Value, wiki.Pages.Save(new PageSave(shared, text, Alice, null, current.Revision)).Revision, line));
                    break;
                }
                catch (PageConflictException)
                {
                }
            }

            if (pushesDone())
            {
                // The pushes slowed everyone down; without them only the two writers are left, and at that pace
                // they might never meet: race again at full speed until this writer has lost once.
                pace.Fastest();
            }

            Thread.Sleep(Random.Shared.Next(0, pace.Milliseconds));
        }
    }

    /// <summary>The git CLI: a new page per push; a rejected push is redone on the new tip, as a person would.</summary>
    private static void Push(TempWiki wiki, ConcurrentBag<(string, string, string)> pushed, Pace pace, CancellationToken timeout)
    {
        var clone = Path.Combine(wiki.Root, "clone");
        // --shared: the clone sees the wiki's objects, so a fetch transfers nothing and the time between
        // fetching the tip and pushing on top of it (when the branch must stand still) stays short.
        Paths.RunGit($"clone -q --shared \"{wiki.GitDirectory}\" \"{clone}\"", wiki.Root);
        for (var i = 0; i < Pushes; i++)
        {
            var file = $"stress/gepusht-{i}.md";
            var text = $"Gepusht met git, nummer {i}.\n";
            while (true)
            {
                timeout.ThrowIfCancellationRequested();
                Paths.RunGit("fetch -q origin", clone);
                Paths.RunGit("reset -q --hard origin/main", clone);
                File.WriteAllText(Path.Combine(clone, file), text);
                Paths.RunGit($"add {file}", clone);
                Paths.RunGit($"commit -q -m \"Gepusht {i}\"", clone);
                try
                {
                    Paths.RunGit("push -q origin main", clone);
                }
                catch (InvalidOperationException ex) when (ex.Message.Contains("rejected]"))
                {
                    // The branch moved since the fetch (or was being moved): slow the writers down a little.
                    pace.Slower();
                    continue;
                }

                pushed.Add((Paths.RunGit("rev-parse HEAD", clone).Trim(), file, text));
                pace.Faster();
                break;
            }
        }
    }

    private static Process StartSecondWriter(string gitDirectory, string space, string stopFile, string paceFile)
    {
        var dll = typeof(OutsideWritersStressTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SecondWriter").Value!;
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, gitDirectory, space, MinSavesPerWriter.ToString(), stopFile, paceFile })
        {
            psi.ArgumentList.Add(arg);
        }

        return Process.Start(psi)!;
    }

    /// <summary>
    /// The longest pause between two rounds of a writer. A push is accepted only when no writer moved the
    /// branch between its fetch and its update, which on a loaded machine takes seconds: every rejection
    /// slows the writers down, every accepted push speeds them up again. The writers keep saving
    /// throughout; only their pace follows the pushes.
    /// </summary>
    private sealed class Pace(string file)
    {
        private int _ms = Set(file, 100);

        public string File { get; } = file;

        public int Milliseconds => Volatile.Read(ref _ms);

        public void Slower() => _ms = Set(File, Math.Min(_ms * 2, 15_000));

        public void Faster() => _ms = Set(File, Math.Max(_ms / 2, 100));

        public void Fastest()
        {
            if (_ms != 100)
            {
                _ms = Set(File, 100);
            }
        }

        private static int Set(string file, int ms)
        {
            var temp = file + ".tmp";
            System.IO.File.WriteAllText(temp, ms.ToString());
            System.IO.File.Move(temp, file, overwrite: true);
            return ms;
        }
    }

    /// <summary>Collects "ok page revision line" lines; returns the writer's retry count.</summary>
    private static async Task<long> ReadAll(Process process, ConcurrentBag<(string, string, string?)> acknowledged)
    {
        var errors = process.StandardError.ReadToEndAsync();
        long? retries = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 4);
            if (parts[0] == "ok")
            {
                acknowledged.Add((parts[1], parts[2], parts[3] == "-" ? null : parts[3]));
            }
            else if (parts[0] == "retries")
            {
                retries = long.Parse(parts[1]);
            }
        }

        return retries ?? throw new InvalidOperationException("The second writer failed: " + await errors);
    }
}
