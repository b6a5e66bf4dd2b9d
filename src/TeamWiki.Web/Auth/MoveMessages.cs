using System.Text.RegularExpressions;

namespace TeamWiki.Web.Auth;

/// <summary>
/// Commit messages as a reader may read them. The wiki writes "Move a/b to c/d" when a page moves; when
/// one side lies in a space the reader may not read, that path is left out, so a move across spaces
/// shows in history and activity without naming where the page came from or went.
/// </summary>
public static partial class MoveMessages
{
    /// <summary>
    /// <paramref name="message"/> with every "Move X to Y" rewritten for a reader who may read the spaces
    /// <paramref name="canRead"/> says yes to.
    /// </summary>
    public static string ForReader(string message, Func<string, bool> canRead) =>
        string.IsNullOrEmpty(message) || !message.Contains("Move ", StringComparison.Ordinal)
            ? message
            : Move().Replace(message, m =>
            {
                var from = m.Groups["from"].Value;
                var to = m.Groups["to"].Value;
                return (canRead(SpaceOf(from)), canRead(SpaceOf(to))) switch
                {
                    (true, true) => m.Value,
                    (false, true) => $"Move to {to}",
                    (true, false) => $"Move {from} elsewhere",
                    _ => "Move",
                };
            });

    /// <summary>The space of a page path: its first segment.</summary>
    public static string SpaceOf(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? path : path[..slash];
    }

    [GeneratedRegex(@"\bMove (?<from>[^\s()]+) to (?<to>[^\s()]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Move();
}
