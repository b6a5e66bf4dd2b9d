using System.Globalization;
using System.Text;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Turns free text ("Café-overleg 2024!") into a path segment (<c>cafe-overleg-2024</c>):
/// lower case ASCII letters, digits and single hyphens, diacritics folded.
/// </summary>
public static class Slug
{
    /// <summary>Longest slug we produce; longer input is cut at a hyphen where possible.</summary>
    public const int MaxLength = 80;

    /// <summary>Returns the slug of <paramref name="text"/>, or an empty string when nothing usable is left.</summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = Fold(char.ToLowerInvariant(c));
            if (folded is null)
            {
                pendingHyphen = sb.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                sb.Append('-');
                pendingHyphen = false;
            }

            sb.Append(folded);
        }

        return Truncate(sb.ToString());
    }

    /// <summary>True when <paramref name="segment"/> already is a slug.</summary>
    public static bool IsSlug(string segment) =>
        segment.Length is > 0 and <= MaxLength && From(segment) == segment;

    // Letters that do not decompose into a base letter plus a mark.
    private static string? Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        'ĳ' => "ij",
        _ => null,
    };

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxLength);
        return (cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).TrimEnd('-');
    }
}
