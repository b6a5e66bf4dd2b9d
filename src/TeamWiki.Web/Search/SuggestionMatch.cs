using System.Globalization;
using System.Text;

namespace TeamWiki.Web.Search;

/// <summary>
/// How well a name answers what was typed in the header search: the name starts with it ("verg" →
/// "Vergaderingen"), or only a word of it does ("Declaraties en vergoedingen"), or not at all. Case and
/// accents do not count. The search index ranks page, task and document titles the same way
/// (<c>SuggestionOrder</c>); this is the same rule for the names it does not hold: spaces and people.
/// </summary>
public static class SuggestionMatch
{
    /// <summary>The name starts with the typed words.</summary>
    public const int StartsWith = 0;

    /// <summary>Every typed word starts a word of the name.</summary>
    public const int WordStartsWith = 1;

    /// <summary><see cref="StartsWith"/> or <see cref="WordStartsWith"/>; null when the name does not match.</summary>
    public static int? Rank(string name, string typed)
    {
        var words = Words(typed);
        if (words.Count == 0)
        {
            return null;
        }

        var nameWords = Words(name);
        if (!words.All(w => nameWords.Any(n => n.StartsWith(w, StringComparison.Ordinal))))
        {
            return null;
        }

        var startsWith = nameWords.Count >= words.Count
            && words.Take(words.Count - 1).Select((w, i) => nameWords[i] == w).All(same => same)
            && nameWords[words.Count - 1].StartsWith(words[^1], StringComparison.Ordinal);
        return startsWith ? StartsWith : WordStartsWith;
    }

    /// <summary>The best rank of several names of one thing (a person's name and handle).</summary>
    public static int? Best(string typed, params string[] names) =>
        names.Select(n => Rank(n, typed)).Where(r => r is not null).Min();

    private static List<string> Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
