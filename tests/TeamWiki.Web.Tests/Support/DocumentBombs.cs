using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// Small files that unpack to a lot: Office files with one part of <c>xmlBytes</c> of repetitive XML, and a
/// PDF whose page content is a Flate stream of <c>inflatedBytes</c>. Each also holds a marker word before
/// the bulk, so a test can see that the text before the limit was kept.
/// </summary>
public static class DocumentBombs
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string PresentationNs = "http://schemas.openxmlformats.org/presentationml/2006/main";

    public static byte[] Word(string marker, long xmlBytes)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.FeedData(new RepeatingStream(
                $"<w:document xmlns:w=\"{WordNs}\"><w:body><w:p><w:r><w:t>{marker}</w:t></w:r></w:p>",
                "<w:p><w:r><w:t>bom bom bom bom bom bom bom bom</w:t></w:r></w:p>",
                "</w:body></w:document>",
                xmlBytes));
        }

        return stream.ToArray();
    }

    public static byte[] Excel(string marker, long xmlBytes)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.FeedData(new RepeatingStream(
                $"<worksheet xmlns=\"{SheetNs}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{marker}</t></is></c></row>",
                "<row><c t=\"inlineStr\"><is><t>bom bom bom bom</t></is></c><c><v>42</v></c></row>",
                "</sheetData></worksheet>",
                xmlBytes));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.FeedData(new RepeatingStream($"<sst xmlns=\"{SheetNs}\">", "<si><t>gedeeld gedeeld gedeeld</t></si>", "</sst>", xmlBytes));
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Blad1" });
        }

        return stream.ToArray();
    }

    public static byte[] PowerPoint(string marker, long xmlBytes)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, DocumentFormat.OpenXml.PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            presentation.Presentation = new Presentation();
            var slidePart = presentation.AddNewPart<SlidePart>();
            slidePart.FeedData(new RepeatingStream(
                $"<p:sld xmlns:p=\"{PresentationNs}\" xmlns:a=\"{DrawingNs}\"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{marker}</a:t></a:r></a:p>",
                "<a:p><a:r><a:t>bom bom bom bom bom bom</a:t></a:r></a:p>",
                "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>",
                xmlBytes));
            presentation.Presentation.AppendChild(new SlideIdList(new SlideId { Id = 256, RelationshipId = presentation.GetIdOfPart(slidePart) }));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A three-page PDF: <paramref name="before"/> on page 1, a content stream that inflates to
    /// <paramref name="inflatedBytes"/> on page 2, <paramref name="after"/> on page 3.
    /// </summary>
    public static byte[] Pdf(string before, string after, long inflatedBytes)
    {
        var bomb = Deflated(new RepeatingStream("BT /F1 12 Tf 50 700 Td ", "(bom) Tj ", "ET", inflatedBytes));
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>"),
            Ascii(PageObject(6)),
            Ascii(PageObject(7)),
            Ascii(PageObject(8)),
            Stream(Ascii($"BT /F1 12 Tf 50 700 Td ({before}) Tj ET"), filter: null),
            Stream(bomb, filter: "/FlateDecode"),
            Stream(Ascii($"BT /F1 12 Tf 50 700 Td ({after}) Tj ET"), filter: null),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.7\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();

        static string PageObject(int content) =>
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << /Font << /F1 9 0 R >> >> >>";
    }

    private static byte[] Stream(byte[] data, string? filter)
    {
        var head = Ascii($"<< /Length {data.Length}{(filter is null ? "" : " /Filter " + filter)} >>\nstream\n");
        return [.. head, .. data, .. Ascii("\nendstream")];
    }

    /// <summary>zlib (as PDF's FlateDecode wants): a two-byte header, deflate, an Adler-32 checksum.</summary>
    private static byte[] Deflated(Stream content)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            content.CopyTo(zlib, 1 << 20);
        }

        return output.ToArray();
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
