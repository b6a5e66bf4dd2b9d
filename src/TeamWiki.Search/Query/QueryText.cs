using System.Text;

namespace TeamWiki.Search.Query;

/// <summary>A word or "phrase" the user typed; <see cref="Negated"/> for <c>-word</c>.</summary>
internal sealed record QueryPart(string Text, bool Negated, bool Phrase);

/// <summary>A <c>field:value</c> restriction typed in the query (tag, space, author, kind).</summary>
internal sealed record QueryFilter(string Field, string Value);

/// <summary>How much of a query is used.</summary>
public static class QueryLimits
{
    /// <summary>Characters of a query; the rest is ignored.</summary>
    public const int MaxLength = 500;

    /// <summary>Words and phrases of a query; the rest are ignored.</summary>
    public const int MaxWords = 32;
}

/// <summary>Why a query was not run exactly as typed.</summary>
public enum QueryNotice
{
    /// <summary>Longer than <see cref="QueryText.MaxLength"/>: the rest was ignored.</summary>
    Truncated,

    /// <summary>More than <see cref="QueryText.MaxParts"/> words: the rest were ignored.</summary>
    TooManyWords,

    /// <summary>Only very common words: searched for them as written.</summary>
    OnlyCommonWords,

    /// <summary>Nothing matched exactly: showing similar spellings.</summary>
    Fuzzy,
}

/// <summary>
/// The query language, parsed by hand so that no input can make it fail: words (all must match),
/// <c>"phrases"</c>, <c>-exclusions</c>, <c>OR</c> between two words, and <c>tag:</c>, <c>space:</c>,
/// <c>author:</c>, <c>kind:</c> filters. Unbalanced quotes close at the end, lone operators are ignored,
/// over-long input is cut.
/// </summary>
internal sealed class QueryText
{
    public const int MaxLength = QueryLimits.MaxLength;
    public const int MaxParts = QueryLimits.MaxWords;

    private static readonly Dictionary<string, string> FilterFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tag"] = "tag",
        ["label"] = "tag",
        ["space"] = "space",
        ["ruimte"] = "space",
        ["author"] = "author",
        ["auteur"] = "author",
        ["kind"] = "kind",
        ["soort"] = "kind",
    };

    private QueryText()
    {
    }

    /// <summary>Groups of alternatives: every group must match, any part within a group may.</summary>
    public List<List<QueryPart>> Groups { get; } = [];

    public List<QueryFilter> Filters { get; } = [];

    public List<QueryNotice> Notices { get; } = [];

    /// <summary>The last typed word, unless the text ends with a space or a quote (for search-as-you-type).</summary>
    public QueryPart? OpenWord { get; private set; }

    public IEnumerable<QueryPart> Parts => Groups.SelectMany(g => g);

    public static QueryText Parse(string? input)
    {
        var query = new QueryText();
        var text = (input ?? "").Replace('\u00A0', ' ');
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            query.Notices.Add(QueryNotice.Truncated);
        }

        text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var pos = 0;
        var negateNext = false;
        var orNext = false;
        QueryPart? last = null;
        while (pos < text.Length)
        {
            if (char.IsWhiteSpace(text[pos]))
            {
                pos++;
                continue;
            }

            var negated = negateNext;
            negateNext = false;
            if (text[pos] == '-' && pos + 1 < text.Length && !char.IsWhiteSpace(text[pos + 1]))
            {
                negated = true;
                pos++;
            }

            if (text[pos] == '"')
            {
                var phrase = ReadQuoted(text, ref pos);
                last = null;
                if (phrase.Length > 0)
                {
                    query.Add(new QueryPart(phrase, negated, Phrase: true), ref orNext);
                }

                continue;
            }

            var start = pos;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos]) && text[pos] != '"')
            {
                pos++;
            }

            var token = text[start..pos];
            var colon = token.IndexOf(':');
            if (colon > 0 && FilterFields.TryGetValue(token[..colon], out var field))
            {
                var value = token[(colon + 1)..];
                if (value.Length == 0 && pos < text.Length && text[pos] == '"')
                {
                    value = ReadQuoted(text, ref pos);
                }

                if (value.Trim().Length > 0)
                {
                    query.Filters.Add(new QueryFilter(field, value.Trim()));
                }

                last = null;
                continue;
            }

            switch (token)
            {
                case "AND" or "&&" or "+" or "-" or "|":
                    continue;
                case "NOT":
                    negateNext = true;
                    continue;
                case "OR" or "||":
                    orNext = query.Groups.Count > 0;
                    continue;
            }

            var word = token.Trim('+', '(', ')', '[', ']', '{', '}', '*', '?', '~', '^', '!', ',', ';', ':');
            if (word.Length == 0)
            {
                continue;
            }

            last = new QueryPart(word, negated, Phrase: false);
            query.Add(last, ref orNext);
        }

        if (query.Groups.Count > MaxParts)
        {
            query.Groups.RemoveRange(MaxParts, query.Groups.Count - MaxParts);
            query.Notices.Add(QueryNotice.TooManyWords);
            last = null;
        }

        query.OpenWord = last is { Negated: false } && text.Length > 0 && !char.IsWhiteSpace(text[^1]) ? last : null;
        return query;
    }

    private void Add(QueryPart part, ref bool orNext)
    {
        if (orNext && !part.Negated && Groups[^1].All(p => !p.Negated))
        {
            Groups[^1].Add(part);
        }
        else
        {
            Groups.Add([part]);
        }

        orNext = false;
    }

    private static string ReadQuoted(string text, ref int pos)
    {
        var sb = new StringBuilder();
        pos++;
        while (pos < text.Length && text[pos] != '"')
        {
            sb.Append(text[pos++]);
        }

        pos = Math.Min(pos + 1, text.Length);
        return sb.ToString().Trim();
    }
}
