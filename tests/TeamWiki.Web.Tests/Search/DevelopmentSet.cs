using System.Globalization;

namespace TeamWiki.Web.Tests.Search;

/// <summary>A query of the shared development set: its category and every page of the corpus that answers it.</summary>
public sealed record DevQuery(string Id, string Category, string Query, IReadOnlySet<string> Relevant);

/// <summary>
/// <c>../shared/corpus/dev-queries.tsv</c>: 365 Dutch queries over the corpus, relevance taken from the
/// treebanks' lemma annotation (never from a search engine). Lines starting with '#' describe the file;
/// then a header and one query per line: qid, category, query, n_rel, relevant (space-separated slugs), info.
/// </summary>
public static class DevelopmentSet
{
    /// <summary>The corpus is indexed as space <c>nlud</c>: a slug is the page <c>nlud/slug</c>.</summary>
    public const string Space = "nlud";

    public static IReadOnlyList<DevQuery> Load(string file)
    {
        var lines = File.ReadLines(file).Where(l => !l.StartsWith('#') && l.Trim().Length > 0).ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("qid\tcategory\tquery\tn_rel\trelevant", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file}: the header 'qid category query n_rel relevant info' is missing");
        }

        return lines.Skip(1).Select(line =>
        {
            var f = line.Split('\t');
            var relevant = f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(slug => $"{Space}/{slug}").ToHashSet(StringComparer.Ordinal);
            if (relevant.Count != int.Parse(f[3], CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"{file}: {f[0]} names {relevant.Count} pages but n_rel is {f[3]}");
            }

            return new DevQuery(f[0], f[1], f[2], relevant);
        }).ToList();
    }
}
