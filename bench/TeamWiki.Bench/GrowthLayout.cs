namespace TeamWiki.Bench;

/// <summary>
/// The pages of the growth benchmark: N corpus pages in ONE space ("groot"; with 100,000 or more, ten
/// spaces groot-0 … groot-9), a hundred pages per folder, beside a space of ten pages ("klein"). Built from
/// <see cref="BenchCorpus.Pages"/> and kept in /tmp.
/// </summary>
public static class GrowthLayout
{
    public const string Small = "klein";

    public static int SpacesFor(int pages) => pages >= 100_000 ? 10 : 1;

    public static string Big(int pages, int i) => SpacesFor(pages) == 1 ? "groot" : $"groot-{i % SpacesFor(pages)}";

    /// <summary>The folder to seed from, and the page paths of the big space(s) and of the small one.</summary>
    public static (string Folder, IReadOnlyList<string> BigPages, IReadOnlyList<string> SmallPages) Build(int pages)
    {
        var target = Path.Combine(Path.GetTempPath(), "teamwiki-bench", $"growth-{pages}");
        var done = Path.Combine(target, ".complete");
        if (!File.Exists(done))
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, true);
            }

            var files = Directory.GetFiles(BenchCorpus.Pages(pages), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var spaces = SpacesFor(pages);
            for (var i = 0; i < files.Length; i++)
            {
                Copy(files[i], Path.Combine(target, Big(pages, i), $"map-{i / spaces / 100:0000}"));
            }

            for (var i = 0; i < 10; i++)
            {
                Copy(files[i], Path.Combine(target, Small, "map-0000"));
            }

            foreach (var space in Directory.GetDirectories(target))
            {
                File.WriteAllText(Path.Combine(space, "_space.yml"), $"name: {Path.GetFileName(space)}\ndescription: growth benchmark\n");
            }

            File.WriteAllText(done, "");
        }

        var all = BenchCorpus.PagePaths(target);
        return (target, all.Where(p => !p.StartsWith(Small + "/", StringComparison.Ordinal)).ToList(), all.Where(p => p.StartsWith(Small + "/", StringComparison.Ordinal)).ToList());
    }

    private static void Copy(string file, string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }
}
