using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace TeamWiki.Web.Tests.Support;

/// <summary>Small real documents made by the tests themselves: a PDF, a Word, an Excel and a PowerPoint file.</summary>
public static class OfficeFiles
{
    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(50, 750), font);
        return builder.Build();
    }

    public static byte[] Word(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    public static byte[] Excel(string text)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) },
                new Cell { CellReference = "B1", CellValue = new CellValue("42") })));
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Blad1" });
        }

        return stream.ToArray();
    }

    public static byte[] PowerPoint(string text)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            presentation.Presentation = new Presentation();
            var slidePart = presentation.AddNewPart<SlidePart>();
            slidePart.Slide = new Slide(new CommonSlideData(new ShapeTree(
                new P.NonVisualGroupShapeProperties(new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
                new GroupShapeProperties(),
                new P.Shape(
                    new P.NonVisualShapeProperties(new P.NonVisualDrawingProperties { Id = 2, Name = "Titel" }, new P.NonVisualShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
                    new P.ShapeProperties(),
                    new P.TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(text))))))));
            presentation.Presentation.AppendChild(new SlideIdList(new SlideId { Id = 256, RelationshipId = presentation.GetIdOfPart(slidePart) }));
        }

        return stream.ToArray();
    }
}
