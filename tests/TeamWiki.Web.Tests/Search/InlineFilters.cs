using System.Text.RegularExpressions;

namespace TeamWiki.Web.Tests.Search;

/// <summary>Splits <c>space:x</c> and <c>tag:y</c> out of a query, for the comparison engines that have no filters.</summary>
public static partial class InlineFilters
{
    public static (Dictionary<string, string> Filters, string Words) Parse(string query)
    {
        var filters = new Dictionary<string, string>();
        var rest = Pattern().Replace(query, m =>
        {
            filters[m.Groups[1].Value.ToLowerInvariant()] = m.Groups[2].Value.Trim('"').ToLowerInvariant();
            return " ";
        });
        return (filters, rest);
    }

    [GeneratedRegex("""\b(space|tag|author):("[^"]*"|\S+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
