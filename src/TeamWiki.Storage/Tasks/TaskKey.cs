using System.Text.RegularExpressions;

namespace TeamWiki.Storage.Tasks;

/// <summary>
/// Task keys (<c>HB-12</c>, case-insensitive in URLs) and where their files live: in folders of a
/// hundred, <c>space/_tasks/1200/HB-1234.md</c>, because git rewrites a whole folder's tree on every
/// commit and a flat folder of thousands of tasks makes each card move slow. A task file put straight
/// into <c>_tasks/</c> by hand is read too, and stays where it is.
/// </summary>
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

    /// <summary>The key of a task file's path in the repository (in a hundred's folder or straight in <c>_tasks/</c>), or null.</summary>
    public static (string Space, string Key)? FromFilePath(string path)
    {
        var parts = path.Split('/');
        var file = parts switch
        {
            [_, Folder, var name] => name,
            [_, Folder, var group, var name] when group.Length is > 0 and <= 7 && group.All(char.IsAsciiDigit) => name,
            _ => null,
        };
        return file is not null && file.EndsWith(".md", StringComparison.Ordinal) && Normalise(file[..^3]) is { } key
            ? (parts[0], key)
            : null;
    }

    /// <summary>Where a new task's file goes: <c>space/_tasks/1200/HB-1234.md</c>.</summary>
    public static string FilePath(string space, string key)
    {
        var number = int.Parse(key[(key.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return $"{space}/{Folder}/{number / 100 * 100}/{key}.md";
    }

    /// <summary>Where a deleted task is kept.</summary>
    public static string DeletedPath(string space, string key) => $"{space}/{DeletedFolder}/{key}.md";

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]{0,7})-(\d{1,7})$")]
    private static partial Regex Pattern();
}
