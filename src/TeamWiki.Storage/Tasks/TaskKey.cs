using System.Text.RegularExpressions;

namespace TeamWiki.Storage.Tasks;

/// <summary>Task keys (<c>HB-12</c>, case-insensitive in URLs) and where their files live.</summary>
public static partial class TaskKey
{
    /// <summary>The folder of a space's tasks.</summary>
    public const string Folder = "_tasks";

    /// <summary>The folder deleted tasks move to (their numbers are never given out again).</summary>
    public const string DeletedFolder = "_tasks/_deleted";

    /// <summary>Normalises "hb-12" to "HB-12"; null when it is not a task key.</summary>
    public static string? Normalise(string? key) =>
        key is not null && Pattern().Match(key.Trim()) is { Success: true } m
            ? m.Groups[1].Value.ToUpperInvariant() + "-" + int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The key of a file path in the repository, or null.</summary>
    public static (string Space, string Key)? FromFilePath(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 3 && parts[1] == Folder && parts[2].EndsWith(".md", StringComparison.Ordinal) && Normalise(parts[2][..^3]) is { } key
            ? (parts[0], key)
            : null;
    }

    /// <summary>The file of a task.</summary>
    public static string FilePath(string space, string key) => $"{space}/{Folder}/{key}.md";

    /// <summary>Where a deleted task is kept.</summary>
    public static string DeletedPath(string space, string key) => $"{space}/{DeletedFolder}/{key}.md";

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]{0,7})-(\d{1,7})$")]
    private static partial Regex Pattern();
}
