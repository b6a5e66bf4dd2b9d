using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Pages;

/// <summary>A page path given by a user or a file that cannot name a page.</summary>
public sealed class InvalidPagePathException(string path, string reason)
    : WikiException(ProblemKind.Invalid, "Invalid page path", $"Invalid page path '{Printable(path)}': {reason}")
{
    /// <summary>The path as it was given (may contain control characters).</summary>
    public string PathValue { get; } = path;

    /// <summary>Why the path was refused, in English.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public override string Detail => Reason;

    private static string Printable(string s)
    {
        var shown = new string(s.Take(120).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return s.Length > 120 ? shown + "…" : shown;
    }
}
