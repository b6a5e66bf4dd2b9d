using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>Reads the values of worksheet cells and the workbook's shared strings, streaming.</summary>
internal static class SpreadsheetCells
{
    /// <summary>Most shared strings remembered; a workbook claiming more is a bomb or not worth it.</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>
    /// The shared strings in order. Together they hold at most the document's character limit: beyond it
    /// the rest are kept as empty strings, so cell indexes still line up.
    /// </summary>
    public static List<string> SharedStrings(SharedStringTablePart table, ExtractionBudget budget)
    {
        var strings = new List<string>();
        var held = 0;
        var current = new StringBuilder();
        using var reader = XmlPartReader.Open(table, budget);
        while (reader.Next() && strings.Count < MaxSharedStrings)
        {
            if (reader.AtStart("si"))
            {
                current.Clear();
            }
            else if (reader.AtStart("t"))
            {
                var room = budget.Limits.MaxChars - held;
                reader.CopyText(chars => OfficeText.AppendUpTo(current, chars, room));
            }
            else if (reader.AtEnd("si"))
            {
                strings.Add(current.ToString());
                held += current.Length;
            }
        }

        return strings;
    }

    /// <summary>Appends every non-empty cell value of <paramref name="sheet"/>, separated by spaces.</summary>
    public static void Read(WorksheetPart sheet, List<string> shared, ExtractionBudget budget)
    {
        using var reader = XmlPartReader.Open(sheet, budget);
        var isShared = false;
        var value = new StringBuilder();
        while (reader.Next())
        {
            if (reader.AtStart("c"))
            {
                isShared = reader.Xml.GetAttribute("t") == "s";
                value.Clear();
            }
            else if (reader.AtStart("v") || reader.AtStart("t"))
            {
                // A value is a number, a shared-string index or short inline text: never more than the
                // text limit needs, so the cell's own buffer stays small too.
                reader.CopyText(chars => OfficeText.AppendUpTo(value, chars, budget.Limits.MaxChars));
            }
            else if (reader.AtEnd("c"))
            {
                var text = isShared && int.TryParse(value.ToString(), out var index) && index >= 0 && index < shared.Count
                    ? shared[index]
                    : value.ToString();
                if (!string.IsNullOrWhiteSpace(text) && (!budget.Append(text) || !budget.Append(" ")))
                {
                    return;
                }
            }
        }
    }
}
