using System.Globalization;

namespace TeamWiki.Bench;

/// <summary>
/// docs/benchmarks.md, kept as marked sections: each benchmark replaces only its own section, with the
/// command and the machine it ran on, so results from different runs stay side by side.
/// </summary>
public sealed class BenchmarkReport(string path)
{
    // Other work on the machine skews every figure: say how busy it was, at the start and when each section was written.
    private readonly string? _loadAtStart = LoadAverage();

    private const string Header = """
        # Benchmarks

        Produced by `bench/TeamWiki.Bench`; each section names the command that wrote it. Speed targets are
        compared as ratios measured in the same run (ours against raw Lucene / raw libgit2) or as absolute
        figures on the 2-core machine the project is built on. Machines are shared and noisy: treat
        differences under ~20 % as noise.

        """;

    public void Write(string id, string title, string command, string body)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : Header;
        var start = $"<!-- bench:{id} -->";
        var end = $"<!-- /bench:{id} -->";
        var section = $"""
            {start}
            ## {title}

            `{command.Trim()}` — {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {Machine()}{Load()}

            {body.Trim()}
            {end}
            """;
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }

    private string Load() =>
        _loadAtStart is null ? "" : $"; load average {_loadAtStart} at the start of the run, {LoadAverage()} when this was written";

    /// <summary>The one-minute load average (Linux), or null.</summary>
    private static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, .NET {Environment.Version}";
    }
}
