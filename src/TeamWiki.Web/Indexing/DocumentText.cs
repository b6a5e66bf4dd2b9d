using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TeamWiki.Web.Indexing;

/// <summary>
/// The text of an uploaded document, for search: PDF with PdfPig, Word, Excel and PowerPoint with the
/// Open XML SDK, plain text and Markdown as they are. A file that cannot be read gives no text (it is
/// still found by its name); extraction never fails an upload.
/// </summary>
public sealed class DocumentText(ILogger<DocumentText> logger)
{
    /// <summary>Most text kept per document.</summary>
    public const int MaxChars = 500_000;

    /// <summary>The text of a file, or "" when its type has none or it cannot be read.</summary>
    public string Extract(string name, byte[] content)
    {
        try
        {
            var text = Storage.Documents.DocumentTypes.Extension(name) switch
            {
                "pdf" => Pdf(content),
                "docx" => Word(content),
                "xlsx" => Excel(content),
                "pptx" => PowerPoint(content),
                "txt" or "md" or "csv" or "json" or "xml" or "yml" or "yaml" or "log" => Encoding.UTF8.GetString(content),
                _ => "",
            };
            return text.Length > MaxChars ? text[..MaxChars] : text;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogInformation("No text from {Name}: {Error}", name, ex.Message);
            return "";
        }
    }

    private static string Pdf(byte[] content)
    {
        using var pdf = PdfDocument.Open(content);
        var sb = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            sb.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
            if (sb.Length > MaxChars)
            {
                break;
            }
        }

        return sb.ToString();
    }

    private static string Word(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        return body is null ? "" : string.Join('\n', body.Descendants<W.Paragraph>().Select(p => p.InnerText));
    }

    private static string Excel(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart;
        if (workbook is null)
        {
            return "";
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sb = new StringBuilder();
        foreach (var sheet in workbook.WorksheetParts)
        {
            foreach (var cell in sheet.Worksheet.Descendants<Cell>())
            {
                var value = cell.CellValue?.Text ?? cell.InnerText;
                if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index) && index < shared.Length)
                {
                    value = shared[index];
                }

                if (!string.IsNullOrWhiteSpace(value))
                {
                    sb.Append(value).Append(' ');
                }
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string PowerPoint(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = PresentationDocument.Open(stream, false);
        var slides = document.PresentationPart?.SlideParts ?? [];
        return string.Join('\n', slides.Select(s => string.Join(' ', s.Slide.Descendants<A.Text>().Select(t => t.Text))));
    }
}
