using System.Buffers;
using System.Text;

namespace TeamWiki.Web.Pages.Cache;

/// <summary>
/// A rendered page as UTF-8 bytes with holes: the parts that belong to the person asking (see
/// <see cref="PersonalParts"/>) and the values that are new for every response (the antiforgery token,
/// Blazor's enhanced-navigation boundary). Written out with the holes filled in, without rendering.
/// </summary>
public sealed class PageTemplate
{
    private readonly (byte[] Literal, string? Hole)[] _segments;

    private PageTemplate((byte[] Literal, string? Hole)[] segments)
    {
        _segments = segments;
        Bytes = segments.Sum(s => s.Literal.Length + (s.Hole?.Length ?? 0) * 2L);
        Holes = segments.Where(s => s.Hole is not null).Select(s => s.Hole!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>About what the template takes in memory.</summary>
    public long Bytes { get; }

    /// <summary>The names of its holes.</summary>
    public IReadOnlySet<string> Holes { get; }

    /// <summary>
    /// Cuts <paramref name="html"/> at every <c>&lt;!--{marker}NAME--&gt;</c>: <paramref name="marker"/> is
    /// random per process, so no text a person wrote can make a hole.
    /// </summary>
    public static PageTemplate Parse(string html, string marker)
    {
        var open = "<!--" + marker;
        var segments = new List<(byte[], string?)>();
        var at = 0;
        while (html.IndexOf(open, at, StringComparison.Ordinal) is var start and >= 0)
        {
            var nameStart = start + open.Length;
            var end = html.IndexOf("-->", nameStart, StringComparison.Ordinal);
            segments.Add((Encoding.UTF8.GetBytes(html[at..start]), html[nameStart..end]));
            at = end + 3;
        }

        segments.Add((Encoding.UTF8.GetBytes(html[at..]), null));
        return new PageTemplate([.. segments]);
    }

    /// <summary>The hole <paramref name="name"/> as it appears in HTML before <see cref="Parse"/>.</summary>
    public static string Hole(string marker, string name) => $"<!--{marker}{name}-->";

    /// <summary>Writes the page with each hole replaced by its HTML from <paramref name="fill"/>.</summary>
    public async Task WriteAsync(HttpResponse response, IReadOnlyDictionary<string, string> fill)
    {
        var values = fill.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
        response.ContentLength = _segments.Sum(s => s.Literal.Length + (s.Hole is null ? 0 : values[s.Hole].Length));
        var writer = response.BodyWriter;
        foreach (var (literal, hole) in _segments)
        {
            writer.Write(literal);
            if (hole is not null)
            {
                writer.Write(values[hole]);
            }
        }

        await writer.FlushAsync(response.HttpContext.RequestAborted);
    }
}
