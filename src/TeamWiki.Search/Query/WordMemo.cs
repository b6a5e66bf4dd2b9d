using System.Collections.Concurrent;

namespace TeamWiki.Search.Query;

/// <summary>
/// What snippets remember between searches: each lower-cased word's analysed terms, per language, with
/// every term numbered once. A snippet then compares a word's terms with the query's as numbers instead of
/// hashing strings. Words and numbers belong together, so a full memo is replaced, never cleared.
/// </summary>
internal sealed class WordMemo
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _lastId;
    private int _words;

    public ConcurrentDictionary<string, int[]> Dutch { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int[]> English { get; } = new(StringComparer.Ordinal);

    /// <summary>The number of this term; the same term always gets the same number in this memo.</summary>
    public int IdOf(string term) =>
        _ids.TryGetValue(term, out var id) ? id : _ids.GetOrAdd(term, _ => Interlocked.Increment(ref _lastId));

    /// <summary>Counts one more remembered word (approximately: ConcurrentDictionary.Count takes every lock).</summary>
    public int Grow() => Interlocked.Increment(ref _words);
}
