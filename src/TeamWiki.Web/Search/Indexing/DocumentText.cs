using System.Text;
using Microsoft.Extensions.Options;
using TeamWiki.Web.Search.Indexing.Extraction;

namespace TeamWiki.Web.Search.Indexing;

/// <summary>The text read from a document, and what cut it short (null when it was read whole).</summary>
public sealed record ExtractedText(string Text, string? Truncated);

/// <summary>
/// The text of an uploaded document, for search: PDF with PdfPig, Word, Excel and PowerPoint streamed
/// part by part, plain text and Markdown as they are. Reading is held to <see cref="TextExtractionOptions"/>
/// (characters kept, bytes unpacked per part and in total, pages, time), so a zip or PDF bomb costs no
/// more than an ordinary large file: it is still stored and found by its name and the text read before
/// the limit. A file that cannot be read gives no text; extraction never fails an upload.
/// </summary>
public sealed class DocumentText(ILogger<DocumentText> logger, IOptions<TeamWikiOptions>? options = null)
{
    private readonly TextExtractionOptions _limits = options?.Value.TextExtraction ?? new TextExtractionOptions();

    /// <summary>The text of a file, or "" when its type has none or it cannot be read.</summary>
    public string Extract(string name, byte[] content) => Read(name, content).Text;

    /// <summary>The text of a file and whether a limit cut it short.</summary>
    public ExtractedText Read(string name, byte[] content)
    {
        var budget = new ExtractionBudget(_limits);
        try
        {
            switch (Storage.Documents.DocumentTypes.Extension(name))
            {
                case "pdf":
                    PdfText.Read(content, budget);
                    break;
                case "docx":
                    OfficeText.Word(content, budget);
                    break;
                case "xlsx":
                    OfficeText.Excel(content, budget);
                    break;
                case "pptx":
                    OfficeText.PowerPoint(content, budget);
                    break;
                case "txt" or "md" or "csv" or "json" or "xml" or "yml" or "yaml" or "log":
                    PlainText(content, budget);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Damaged files throw all sorts of exceptions from the zip, XML and PDF readers alike.
            logger.LogInformation("No more text from {Name}: {Error}", name, ex.Message);
        }

        if (budget.Truncated is { } limit)
        {
            logger.LogInformation("Text of {Name} cut off at {Chars:N0} characters: {Limit}", name, budget.Length, limit);
        }

        return new ExtractedText(budget.Text, budget.Truncated);
    }

    private static void PlainText(byte[] content, ExtractionBudget budget)
    {
        // Decoding only what fits: a 50 MB log file should not become a 100 MB string first.
        var bytes = Math.Min(content.Length, (long)budget.Limits.MaxChars * 4);
        var text = Encoding.UTF8.GetString(content, 0, (int)bytes);
        budget.Append(text);
    }
}
