using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TeamWiki.Web.Localization;

/// <summary>
/// Counted texts in the right form: "1 pagina" and "13 pagina's", "1 page" and "13 pages". Dutch and
/// English both use the singular for exactly one and the plural otherwise (zero included: "0 pagina's"),
/// so a text needs two keys, one per form, each with the count as <c>{0}</c>.
/// </summary>
public static class Plurals
{
    /// <summary>
    /// <paramref name="one"/> when <paramref name="count"/> is 1, <paramref name="other"/> otherwise,
    /// translated, with the count as <c>{0}</c> and <paramref name="more"/> as <c>{1}</c>, <c>{2}</c>…
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, int count, string one, string other, params object[] more) =>
        localizer[count == 1 ? one : other, [count, .. more]].Value;

    /// <summary>The same for a measure with at most one decimal ("1 hour", "1,5 hours"), written in the UI culture.</summary>
    public static string Plural(this IStringLocalizer localizer, double count, string one, string other)
    {
        var shown = count.ToString("0.#", CultureInfo.CurrentCulture);
        return localizer[shown == 1.ToString(CultureInfo.CurrentCulture) ? one : other, shown].Value;
    }
}
