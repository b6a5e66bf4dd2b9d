namespace TeamWiki.Web.Hosting;

/// <summary>
/// A Content-Security-Policy as an ordered list of directives, so that two policies for one response can
/// become one header. Blazor adds <c>frame-ancestors 'self'</c> to pages with interactive components
/// before our middleware runs; keeping only one of the two would drop either our <c>script-src</c> or
/// Blazor's framing rule, and sending both as separate headers makes the outcome depend on how each
/// browser intersects them. Directive names are case-insensitive; values are kept as written.
/// </summary>
public sealed class ContentSecurityPolicy
{
    private const string FrameAncestors = "frame-ancestors";
    private const string None = "'none'";

    private readonly List<(string Name, string Value)> _directives;

    private ContentSecurityPolicy(List<(string Name, string Value)> directives) => _directives = directives;

    /// <summary>Reads a header value (<c>name value; name value</c>); empty and repeated directives are dropped, as browsers do.</summary>
    public static ContentSecurityPolicy Parse(string? header)
    {
        var directives = new List<(string Name, string Value)>();
        foreach (var part in (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var name = tokens[0].ToLowerInvariant();
            // A browser honours only the first occurrence of a directive.
            if (!directives.Exists(d => d.Name == name))
            {
                directives.Add((name, string.Join(' ', tokens.Skip(1))));
            }
        }

        return new ContentSecurityPolicy(directives);
    }

    /// <summary>The value of <paramref name="name"/> (sources separated by one space), or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            var index = _directives.FindIndex(d => d.Name == name.ToLowerInvariant());
            return index < 0 ? null : _directives[index].Value;
        }
    }

    /// <summary>
    /// This policy with <paramref name="other"/> merged in: every directive of this policy keeps its value,
    /// except <c>frame-ancestors</c>, which becomes the stricter of the two; directives only
    /// <paramref name="other"/> has (such as <c>sandbox</c>) are added. So the result is never looser than
    /// this policy and never lets more sites frame the page than either.
    /// </summary>
    public ContentSecurityPolicy MergedWith(ContentSecurityPolicy other)
    {
        var merged = _directives
            .Select(d => d.Name == FrameAncestors && other[FrameAncestors] is { } theirs ? (d.Name, StricterFraming(d.Value, theirs)) : d)
            .ToList();
        merged.AddRange(other._directives.Where(d => this[d.Name] is null));
        return new ContentSecurityPolicy(merged);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join("; ", _directives.Select(d => d.Value.Length == 0 ? d.Name : d.Name + " " + d.Value));

    /// <summary>
    /// The stricter of two source lists: <c>'none'</c> if either says so, else the one whose sources are all
    /// in the other. Two lists that each allow something the other does not have no CSP spelling for their
    /// intersection, so then nobody may frame the page (fail closed).
    /// </summary>
    private static string StricterFraming(string ours, string theirs)
    {
        var a = Sources(ours);
        var b = Sources(theirs);
        if (a.Contains(None) || b.Contains(None) || a.Count == 0 || b.Count == 0)
        {
            return None;
        }

        return a.IsSubsetOf(b) ? ours : b.IsSubsetOf(a) ? theirs : None;
    }

    private static HashSet<string> Sources(string value) =>
        value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
