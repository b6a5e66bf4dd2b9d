namespace TeamWiki.Web.Tests.Search;

/// <summary>Replaces a marked section of docs/search.md (<c>&lt;!-- id --&gt;</c> … <c>&lt;!-- /id --&gt;</c>) with a test's report.</summary>
public static class SearchReport
{
    public static void Write(string root, string id, string report)
    {
        var file = Path.Combine(root, "docs", "search.md");
        var text = File.ReadAllText(file);
        var start = $"<!-- {id} -->";
        var end = $"<!-- /{id} -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"docs/search.md has no section marked {start} … {end}");
        }

        File.WriteAllText(file, text[..(from + start.Length)] + "\n" + report.TrimEnd() + "\n" + text[to..]);
    }
}
