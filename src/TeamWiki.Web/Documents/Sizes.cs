using System.Globalization;

namespace TeamWiki.Web.Documents;

/// <summary>File sizes for people: 1,2 MB.</summary>
public static class Sizes
{
    /// <summary>Bytes as B, kB, MB or GB in the current culture.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " kB",
        < 1024L * 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        _ => (bytes / (1024d * 1024 * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " GB",
    };
}
