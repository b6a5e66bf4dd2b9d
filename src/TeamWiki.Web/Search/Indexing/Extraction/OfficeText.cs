using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// The text of Word, Excel and PowerPoint files, read part by part through <see cref="XmlPartReader"/>
/// within an <see cref="ExtractionBudget"/>. The SDK is used only to find the parts.
/// </summary>
internal static class OfficeText
{
    private static readonly OpenSettings ReadOnly = new() { AutoSave = false };

    /// <summary>Paragraph text of the main document, a line per paragraph.</summary>
    public static void Word(byte[] content, ExtractionBudget budget)
    {
        if (Refused(content, budget))
        {
            return;
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, ReadOnly);
        if (document.MainDocumentPart is { } main)
        {
            Paragraphs(main, budget, paragraph: "p");
        }
    }

    /// <summary>The text of every slide, in the presentation's order, a line per slide.</summary>
    public static void PowerPoint(byte[] content, ExtractionBudget budget)
    {
        if (Refused(content, budget))
        {
            return;
        }

        using var document = PresentationDocument.Open(new MemoryStream(content, writable: false), false, ReadOnly);
        if (document.PresentationPart is not { } presentation)
        {
            return;
        }

        foreach (var slide in SlidesInOrder(presentation, budget))
        {
            if (budget.Exhausted)
            {
                return;
            }

            Paragraphs(slide, budget, paragraph: "p");
            budget.Separate('\n');
        }
    }

    /// <summary>Cell values of every worksheet (shared strings looked up), a line per sheet.</summary>
    public static void Excel(byte[] content, ExtractionBudget budget)
    {
        if (Refused(content, budget))
        {
            return;
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false, ReadOnly);
        if (document.WorkbookPart is not { } workbook)
        {
            return;
        }

        var shared = workbook.SharedStringTablePart is { } table ? SpreadsheetCells.SharedStrings(table, budget) : [];
        foreach (var sheet in workbook.WorksheetParts)
        {
            if (budget.Exhausted)
            {
                return;
            }

            SpreadsheetCells.Read(sheet, shared, budget);
            budget.Separate('\n');
        }
    }

    private static bool Refused(byte[] content, ExtractionBudget budget)
    {
        if (OfficePackage.Refusal(content) is { } refusal)
        {
            budget.Stop(refusal);
            return true;
        }

        return false;
    }

    /// <summary>Text of the "t" elements of a part, a space between runs and a line break after each paragraph.</summary>
    private static void Paragraphs(OpenXmlPart part, ExtractionBudget budget, string paragraph)
    {
        using var reader = XmlPartReader.Open(part, budget);
        while (reader.Next())
        {
            if (reader.AtStart("t"))
            {
                if (!reader.CopyText(budget.Append))
                {
                    return;
                }
            }
            else if (reader.AtStart("tab") || reader.AtStart("br"))
            {
                budget.Separate(' ');
            }
            else if (reader.AtEnd(paragraph))
            {
                budget.Separate('\n');
            }
        }
    }

    /// <summary>The slides as the presentation lists them; in package order when that list cannot be read.</summary>
    private static List<SlidePart> SlidesInOrder(PresentationPart presentation, ExtractionBudget budget)
    {
        var ordered = new List<SlidePart>();
        using (var reader = XmlPartReader.Open(presentation, budget))
        {
            while (reader.Next())
            {
                if (reader.AtStart("sldId") && reader.Xml.GetAttribute("id", RelationshipNamespace) is { } id
                    && Try(() => presentation.GetPartById(id)) is SlidePart slide && !ordered.Contains(slide))
                {
                    ordered.Add(slide);
                }
            }
        }

        return ordered.Count > 0 ? ordered : presentation.SlideParts.ToList();
    }

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static OpenXmlPart? Try(Func<OpenXmlPart> find)
    {
        try
        {
            return find();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Appends a span to a builder, up to <paramref name="max"/> characters in all; false once full.</summary>
    internal static bool AppendUpTo(StringBuilder builder, ReadOnlySpan<char> chars, int max)
    {
        var room = max - builder.Length;
        builder.Append(chars[..Math.Min(chars.Length, Math.Max(room, 0))]);
        return chars.Length <= room;
    }
}
