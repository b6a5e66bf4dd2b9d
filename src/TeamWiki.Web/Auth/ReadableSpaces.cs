namespace TeamWiki.Web.Auth;

/// <summary>
/// The spaces one reader may read, as a value: what wiki-link resolution, the render cache and search
/// filters need to know about a reader. Two readers with the same set see the same rendered page, so
/// <see cref="CacheKey"/> can share a render between them.
/// </summary>
public sealed class ReadableSpaces
{
    private readonly HashSet<string>? _keys;

    private ReadableSpaces(HashSet<string>? keys)
    {
        _keys = keys;
        CacheKey = keys is null ? "*" : "=" + string.Join(',', keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Every space (admins; and internal work such as warming up the renderer).</summary>
    public static ReadableSpaces All { get; } = new(null);

    /// <summary>Exactly these spaces.</summary>
    public static ReadableSpaces Only(IEnumerable<string> keys) => new(keys.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Identifies the set: "*" for every space, otherwise "=" and the sorted keys. Never empty, so it
    /// cannot be mistaken for the key of a render that is the same for everybody.
    /// </summary>
    public string CacheKey { get; }

    /// <summary>The keys, or null for every space (the form search requests take).</summary>
    public IReadOnlyCollection<string>? Keys => _keys;

    /// <summary>True when <paramref name="space"/> is in the set (whether it exists is the caller's question).</summary>
    public bool Contains(string space) => _keys is null || _keys.Contains(space);
}
