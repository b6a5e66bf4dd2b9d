namespace TeamWiki.Search.Analysis;

/// <summary>
/// Which dictionary words found inside a word are real parts of it. The dictionary filter finds every
/// dictionary word anywhere inside a longer one ("gering" in "regering", "koor" in "akkoord", "wijn" in
/// "boudewijn"); a part counts only where the word really splits there: what stands before it is the
/// start of the word or a known word (or words) with an optional linking sound (-s-, -e-, -en-, -er-,
/// -es-), and what follows is the end of the word, an ending of the part itself ("stoornis|sen"), or
/// again known words. Of two readings that start at the same place, the longer word wins when it too
/// fits ("buiten|wereld", not "buit|en|wereld"; "diaken|wijding", not "wijn|ding").
/// </summary>
internal sealed class CompoundAnchors(Func<char[], int, int, bool> isKnown, Func<char[], int, int, bool> isPart)
{
    private static readonly string[] Links = ["s", "e", "en", "er", "es"];

    /// <summary>The longest ending of a word form after its part ("stoornis" + "sen", "evenement" + "en").</summary>
    private const int MaxEnding = 3;

    /// <summary>The longest word split into parts (real compounds of more letters are rare; longer runs are hashes and the like).</summary>
    internal const int MaxWord = 40;

    /// <summary>The most distinct parts judged in one word; the rest are left out (bounded work for a crafted word).</summary>
    internal const int MaxParts = 24;

    /// <summary>The shortest part the dictionary holds.</summary>
    private const int MinPart = 4;

    /// <summary>The shortest unknown word that may stand before a last part.</summary>
    private const int MinModifier = 3;

    private readonly Dictionary<string, bool> _decided = new(StringComparer.Ordinal);
    private char[] _word = [];
    private int _length;
    private bool?[] _wordsEndAt = [];
    private bool?[] _wordsStartAt = [];

    /// <summary>
    /// True when <paramref name="part"/> is a real part of <paramref name="word"/> somewhere in it. A word
    /// longer than <see cref="MaxWord"/> letters (a hash, a run of letters) has no parts: the work per
    /// word stays small whatever a page holds.
    /// </summary>
    public bool Accepts(char[] word, int length, char[] part, int partLength)
    {
        if (length > MaxWord)
        {
            return false;
        }

        Prepare(word, length);
        var key = new string(part, 0, partLength);
        if (_decided.TryGetValue(key, out var decided))
        {
            return decided;
        }

        if (_decided.Count >= MaxParts)
        {
            return false;
        }

        var accepted = false;
        for (var i = 0; !accepted && i + partLength <= length; i++)
        {
            accepted = word.AsSpan(i, partLength).SequenceEqual(part.AsSpan(0, partLength)) && AcceptsAt(i, i + partLength);
        }

        _decided[key] = accepted;
        return accepted;
    }

    private bool AcceptsAt(int start, int end)
    {
        if (!RightFits(start, end))
        {
            return false;
        }

        // What stands before the last part may be a word the lists do not know ("deployment|straat",
        // "leg|capaciteit", "amfi|theater", "Albert|kanaal"), as long as it is not a mere syllable
        // ("re|gering"). Names pass too ("Boude|wijn"): a capital cannot tell them from a sentence's first word.
        var head = end == _length || IsEnding(start, end);
        if (!(start == 0 || LeftFits(start) || (head && start >= MinModifier)))
        {
            return false;
        }

        // A longer word ending at the same place, after words that fit, is the better reading, unless it
        // is words plus this part: "gewest|regering" has no "gering", "milieu|beheer" no "heer".
        for (var earlier = start - 1; earlier > 0; earlier--)
        {
            if (isPart(_word, earlier, end - earlier) && LeftFits(earlier) && !WordsBetween(earlier, start))
            {
                return false;
            }
        }

        // A longer word from the same start that fits too, and is not itself this part plus words, is the
        // better reading ("buiten" over "buit" + "en"; "zaalvoetbal" keeps "zaal").
        for (var longer = end + 1; longer <= _length; longer++)
        {
            if (!(start == 0 && longer == _length) && isPart(_word, start, longer - start) && RightFits(start, longer)
                && !(longer - end >= 3 && isKnown(_word, end, longer - end)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The letters from <paramref name="start"/> to <paramref name="end"/> are a known word, with or without a link after it.</summary>
    private bool WordsBetween(int start, int end)
    {
        if (end - start >= 3 && isKnown(_word, start, end - start))
        {
            return true;
        }

        foreach (var link in Links)
        {
            var before = end - link.Length;
            if (before - start >= 3 && _word.AsSpan(before, link.Length).SequenceEqual(link) && isKnown(_word, start, before - start))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsEnding(int start, int end) => _length - end <= MaxEnding && isKnown(_word, start, _length - start);

    /// <summary>Before <paramref name="at"/> stand known words, with or without a linking sound after them.</summary>
    private bool LeftFits(int at)
    {
        if (WordsEndAt(at))
        {
            return true;
        }

        foreach (var link in Links)
        {
            var before = at - link.Length;
            if (before > 0 && _word.AsSpan(before, link.Length).SequenceEqual(link) && WordsEndAt(before))
            {
                return true;
            }
        }

        return false;
    }

    private bool RightFits(int start, int end)
    {
        if (end == _length)
        {
            return true;
        }

        // The part with its own ending ("stoornissen", "evenementen"): the rest of the word is a known form.
        if (IsEnding(start, end))
        {
            return true;
        }

        if (WordsStartAt(end))
        {
            return true;
        }

        foreach (var link in Links)
        {
            var after = end + link.Length;
            if (after < _length && _word.AsSpan(end, link.Length).SequenceEqual(link) && WordsStartAt(after))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word up to <paramref name="end"/> is one known word or a sequence of them (with links).</summary>
    private bool WordsEndAt(int end)
    {
        if (_wordsEndAt[end] is { } known)
        {
            return known;
        }

        var result = end >= 3 && isKnown(_word, 0, end);
        for (var start = end - MinPart; !result && start > 0; start--)
        {
            result = isPart(_word, start, end - start) && LeftFits(start);
        }

        _wordsEndAt[end] = result;
        return result;
    }

    /// <summary>The word from <paramref name="start"/> on is one known word (any form) or a sequence of them.</summary>
    private bool WordsStartAt(int start)
    {
        if (_wordsStartAt[start] is { } known)
        {
            return known;
        }

        var result = _length - start >= 3 && isKnown(_word, start, _length - start);
        for (var end = start + MinPart; !result && end < _length; end++)
        {
            result = isPart(_word, start, end - start) && RightFits(start, end);
        }

        _wordsStartAt[start] = result;
        return result;
    }

    private void Prepare(char[] word, int length)
    {
        if (length == _length && word.AsSpan(0, length).SequenceEqual(_word.AsSpan(0, _length)))
        {
            return;
        }

        _decided.Clear();
        _word = word.AsSpan(0, length).ToArray();
        _length = length;
        _wordsEndAt = new bool?[length + 1];
        _wordsStartAt = new bool?[length + 1];
    }
}
