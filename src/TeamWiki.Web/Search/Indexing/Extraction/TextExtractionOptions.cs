namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// Limits on reading the text of an uploaded document (configuration section
/// <c>TeamWiki:TextExtraction</c>). An Office file is a zip of XML and a PDF holds compressed streams, so a
/// few hundred kilobytes on disk can unpack to gigabytes; these limits bound what one document may cost.
/// A document that reaches one keeps the text read so far.
/// </summary>
public sealed class TextExtractionOptions
{
    /// <summary>Most characters of text kept per document (default 500,000).</summary>
    public int MaxChars { get; set; } = 500_000;

    /// <summary>Most uncompressed bytes read from one part of an Office file or one PDF stream (default 16 MB).</summary>
    public long MaxPartBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most uncompressed bytes read from one document in total (default 64 MB).</summary>
    public long MaxTotalBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Most pages of a PDF read (default 2,000).</summary>
    public int MaxPdfPages { get; set; } = 2_000;

    /// <summary>Longest time spent on one document (default 15 seconds).</summary>
    public TimeSpan MaxTime { get; set; } = TimeSpan.FromSeconds(15);
}
