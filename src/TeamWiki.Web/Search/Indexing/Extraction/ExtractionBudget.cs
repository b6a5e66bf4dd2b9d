using System.Diagnostics;
using System.Text;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// What one extraction may still spend: characters of text kept, uncompressed bytes read, time. Every
/// reader checks it as it goes, so a bomb stops at the first limit with the text read so far.
/// </summary>
/// <remarks>One per extraction, used by one thread.</remarks>
internal sealed class ExtractionBudget(TextExtractionOptions limits)
{
    private readonly StringBuilder _text = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _bytesRead;

    /// <summary>The limits in force.</summary>
    public TextExtractionOptions Limits { get; } = limits;

    /// <summary>Why extraction stopped early, or null while it may go on.</summary>
    public string? Limit { get; private set; }

    /// <summary>The first limit that cut something off (a part, or the whole document), or null.</summary>
    public string? Truncated => _cut ?? Limit;

    private string? _cut;

    /// <summary>True once any limit was reached: readers stop then.</summary>
    public bool Exhausted => Limit is not null || TimeUp();

    /// <summary>The text kept so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Characters kept so far.</summary>
    public int Length => _text.Length;

    /// <summary>Keeps as much of <paramref name="chars"/> as the character limit allows; false once full.</summary>
    public bool Append(ReadOnlySpan<char> chars)
    {
        var room = Limits.MaxChars - _text.Length;
        if (chars.Length > room)
        {
            _text.Append(chars[..Math.Max(room, 0)]);
            Stop($"more than {Limits.MaxChars:N0} characters of text");
            return false;
        }

        _text.Append(chars);
        return true;
    }

    /// <summary>Adds a separator (space or line break) unless the text is empty or already ends in one.</summary>
    public void Separate(char separator)
    {
        if (_text.Length > 0 && !char.IsWhiteSpace(_text[^1]))
        {
            Append([separator]);
        }
    }

    /// <summary>Counts <paramref name="count"/> uncompressed bytes read; false once the total is spent.</summary>
    public bool Read(long count)
    {
        _bytesRead += count;
        if (_bytesRead > Limits.MaxTotalBytes)
        {
            Stop($"more than {Limits.MaxTotalBytes:N0} bytes unpacked");
            return false;
        }

        return !TimeUp();
    }

    /// <summary>Uncompressed bytes the document may still unpack.</summary>
    public long BytesLeft => Math.Max(0, Limits.MaxTotalBytes - _bytesRead);

    /// <summary>Records why reading stopped (the first reason wins).</summary>
    public void Stop(string reason) => Limit ??= reason;

    /// <summary>Records that one part was cut off; the rest of the document is still read.</summary>
    public void Cut(string reason) => _cut ??= reason;

    private bool TimeUp()
    {
        if (_clock.Elapsed <= Limits.MaxTime)
        {
            return false;
        }

        Stop($"more than {Limits.MaxTime.TotalSeconds:0} seconds");
        return true;
    }
}
