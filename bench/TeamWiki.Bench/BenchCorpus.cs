using System.Diagnostics;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Bench;

/// <summary>
/// Pages for load tests: the shared corpus's scale_corpus.py recombines real Dutch sentences into N
/// pages; they are laid out as a wiki (ten spaces, twenty folders each) and cached in /tmp.
/// </summary>
public static class BenchCorpus
{
    /// <summary>Returns a folder with N pages in spaces, ready to seed a data folder.</summary>
    public static string Pages(int count)
    {
        var target = Path.Combine(Path.GetTempPath(), "teamwiki-bench", $"wiki-{count}");
        if (Directory.Exists(target) && File.Exists(Path.Combine(target, ".complete")))
        {
            return target;
        }

        var flat = Path.Combine(Path.GetTempPath(), "teamwiki-bench", $"flat-{count}");
        if (Directory.Exists(flat))
        {
            Directory.Delete(flat, true);
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, true);
        }

        var script = Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "scale_corpus.py");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The shared corpus is missing ({script}); the benchmarks need it.");
        }

        Run("python3", $"\"{script}\" --n {count} --out \"{flat}\" --seed 7");
        var files = Directory.GetFiles(flat, "*.md").Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            var folder = Path.Combine(target, $"ruimte-{i % 10:00}", $"map-{i / 10 % 20:00}");
            Directory.CreateDirectory(folder);
            var text = File.ReadAllText(files[i]);
            var title = text.StartsWith("# ") ? text[2..text.IndexOf('\n')] : Path.GetFileNameWithoutExtension(files[i]);
            var body = text.StartsWith("# ") ? text[(text.IndexOf('\n') + 1)..] : text;
            File.WriteAllText(Path.Combine(folder, Slug.From(Path.GetFileNameWithoutExtension(files[i])) + ".md"),
                $"---\ntitle: \"{title.Replace("\"", "'")}\"\ntags: [tag-{i % 25}, bench]\n---\n{body}");
        }

        for (var s = 0; s < 10; s++)
        {
            File.WriteAllText(Path.Combine(target, $"ruimte-{s:00}", "_space.yml"), $"name: Ruimte {s}\ndescription: Benchmarkruimte {s}\n");
        }

        File.WriteAllText(Path.Combine(target, ".complete"), "");
        Directory.Delete(flat, true);
        return target;
    }

    /// <summary>The page paths in a generated folder.</summary>
    public static IReadOnlyList<string> PagePaths(string folder) =>
        Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')[..^3])
            .Order(StringComparer.Ordinal).ToList();

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamWiki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TeamWiki.sln not found");
    }

    public static string Run(string file, string arguments, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {error}");
        }

        return output.Result;
    }
}
