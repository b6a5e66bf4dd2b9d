using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TeamWiki.Web.Tests.Localization;

public partial class DutchResourcesTests
{
    private static readonly string WebProject = Path.Combine(FindRoot(), "src", "TeamWiki.Web");

    [Fact]
    public void EveryTextShownInTheUiHasADutchTranslation()
    {
        var keys = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value))
                .Concat(PluralPattern().Matches(File.ReadAllText(f)).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }.Select(Regex.Unescape))))
            .ToHashSet();
        var dutch = Translations();

        var missing = keys.Where(k => !dutch.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Missing in SharedResource.nl.resx:\n" + string.Join("\n", missing));
        Assert.True(keys.Count > 100);
    }

    [Fact]
    public void TranslationsKeepTheirPlaceholders()
    {
        foreach (var (key, value) in Translations())
        {
            var expected = Placeholder().Matches(key).Select(m => m.Value).Order();
            var actual = Placeholder().Matches(value).Select(m => m.Value).Order();
            Assert.True(expected.SequenceEqual(actual), $"'{key}' → '{value}'");
            _ = string.Format(CultureInfo.InvariantCulture, value, 1, 2, 3);
        }
    }

    [Fact]
    public void EveryTranslationIsFoundAtRunTime()
    {
        // Resource names that differ only in case are merged when the resources are compiled, so
        // "Archived" and "archived" cannot both be keys: one of them would silently stay English.
        var translations = Translations();
        var clashes = translations.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in case:\n" + string.Join("\n", clashes));

        var resources = new System.Resources.ResourceManager("TeamWiki.Web.Resources.SharedResource", typeof(Program).Assembly);
        var dutch = CultureInfo.GetCultureInfo("nl");
        var wrong = translations.Where(t => resources.GetString(t.Key, dutch) != t.Value).Select(t => t.Key).ToList();
        Assert.True(wrong.Count == 0, "Not found at run time:\n" + string.Join("\n", wrong));
    }

    private static Dictionary<string, string> Translations() =>
        XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.nl.resx")).Root!.Elements("data")
            .ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex KeyPattern();

    /// <summary>Both forms of <c>L.Plural(count, "{0} page", "{0} pages")</c>.</summary>
    [GeneratedRegex("""L\.Plural\([^"]*?"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex PluralPattern();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string FindRoot()
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
}
