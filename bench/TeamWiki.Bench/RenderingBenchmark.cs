using System.Diagnostics;
using System.Text;
using TeamWiki.Web.Markup;

namespace TeamWiki.Bench;

/// <summary>
/// Rendering hostile Markdown against an ordinary page of the same size, through the app's renderer
/// (Markdig, wiki links and mentions, link rewriting, sanitizer). Each input is also rendered at half
/// the size: linear work doubles from half to full, quadratic work quadruples. Times are CPU time of
/// the process (steadier than wall time on a shared machine), median of a few runs after a warm-up.
/// </summary>
public static class RenderingBenchmark
{
    private const string NormalUnit = """
        ## Werkafspraken voor het team

        Dit is een gewone alinea met **vet**, _cursief_, `code`, een [link naar de site](https://example.org/pagina)
        en een verwijzing naar [[Onboarding nieuwe collega's]]. Vraag het @anna als je twijfelt.

        - eerste punt met wat tekst
        - tweede punt, met een [[kennisbank/git-workflow|eigen label]]
          - een genest punt

        > Een citaat om het af te leren.

        | kolom | waarde |
        |---|---|
        | a | 1 |


        """;

    /// <summary>The hostile inputs: the three from the report first, then related shapes.</summary>
    public static readonly (string Name, string Unit, bool Target)[] Inputs =
    [
        ("`[a](` repeated (unclosed inline links)", "[a](", true),
        ("`<div>` repeated (unclosed nesting)", "<div>", true),
        ("`@a ` repeated (mentions)", "@a ", true),
        ("`## Kop` repeated (headings with the same id)", "## Kop\n\n", false),
        ("`[[a]] ` repeated (wiki links)", "[[a]] ", false),
        ("`www.a.nl ` repeated (autolinks)", "www.a.nl ", false),
        ("`<!---->` repeated (comments)", "<!---->", false),
        ("`<x></x>` repeated (tags the sanitizer removes)", "<x></x>", false),
        ("`[a](b \"` repeated (unclosed link titles)", "[a](b \"", false),
        ("`*a ` repeated (unclosed emphasis)", "*a ", false),
        ("`> ` repeated (deep block quotes)", "> ", false),
    ];

    public static string Run(int bytes, int runs)
    {
        var renderer = new MarkdownRenderer();
        var resolver = new Resolver();
        Measure(renderer, resolver, Repeat(NormalUnit, 20_000), 1);
        var normal = Measure(renderer, resolver, Repeat(NormalUnit, bytes), runs);
        var normalHalf = Measure(renderer, resolver, Repeat(NormalUnit, bytes / 2), runs);
        var rows = new StringBuilder();
        rows.AppendLine($"| ordinary page (headings, lists, links, wiki links, a mention, a table) | {normal.Cpu:N0} ms | {normal.Wall:N0} ms | 1.0× | {normal.Cpu / Math.Max(normalHalf.Cpu, 1):0.0}× | |");
        foreach (var (name, unit, target) in Inputs)
        {
            Console.WriteLine($"  {name}…");
            var full = Measure(renderer, resolver, Repeat(unit, bytes), runs);
            var half = Measure(renderer, resolver, Repeat(unit, bytes / 2), runs);
            var ratio = full.Cpu / Math.Max(normal.Cpu, 1);
            rows.AppendLine($"| {name} | {full.Cpu:N0} ms | {full.Wall:N0} ms | **{ratio:0.0}×** | {full.Cpu / Math.Max(half.Cpu, 1):0.0}× | {(target ? ratio <= 3 ? "≤ 3×: met" : "≤ 3×: **missed**" : "")} |");
        }

        return $"""
            Each input is {bytes / 1000:N0} KB of Markdown rendered by `MarkdownRenderer.Render` (the page view and the
            editor preview), CPU time of the process, median of {runs} runs after a warm-up. "vs ordinary" is the
            ratio to an ordinary page of the same size (target ≤ 3× for the first three rows, the inputs from
            the report: 200 KB of `[a](` took 26–37 s, 250 KB of `<div>` 33 s, 180 KB of `@a ` 5 s). "full vs
            half" is the time at {bytes / 1000:N0} KB over the time at {bytes / 2000:N0} KB: about 2× for linear work, 4× for quadratic.

            | input | CPU | wall | vs ordinary | full vs half | target |
            |---|---:|---:|---:|---:|---|
            {rows.ToString().TrimEnd()}
            """;
    }

    private static string Repeat(string unit, int bytes)
    {
        var text = new StringBuilder(bytes + unit.Length);
        while (text.Length < bytes)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    private static (double Cpu, double Wall) Measure(MarkdownRenderer renderer, IWikiLinkResolver resolver, string markdown, int runs)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            renderer.Render(markdown, "handboek/bench", resolver);
            wall.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return (new Stats(cpu).P50, new Stats(wall).P50);
    }

    /// <summary>Every wiki link exists, as a catalog lookup would say.</summary>
    private sealed class Resolver : IWikiLinkResolver
    {
        public WikiLinkTarget Resolve(string target, string currentSpace) =>
            new($"{currentSpace}/{target.ToLowerInvariant().Replace(' ', '-')}", target, true);
    }
}
