using UglyToad.PdfPig;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>The words of a PDF, page by page, within an <see cref="ExtractionBudget"/>.</summary>
internal static class PdfText
{
    /// <summary>Appends the words of each page, a line per page; a page that cannot be read is skipped.</summary>
    public static void Read(byte[] content, ExtractionBudget budget)
    {
        var options = new ParsingOptions
        {
            FilterProvider = new LimitedPdfFilters(budget),
            SkipMissingFonts = true,
        };
        using var pdf = PdfDocument.Open(content, options);
        var pages = Math.Min(pdf.NumberOfPages, budget.Limits.MaxPdfPages);
        if (pdf.NumberOfPages > pages)
        {
            budget.Cut($"more than {budget.Limits.MaxPdfPages:N0} pages");
        }

        for (var number = 1; number <= pages && !budget.Exhausted; number++)
        {
            try
            {
                var page = pdf.GetPage(number);
                foreach (var word in page.GetWords())
                {
                    if (!budget.Append(word.Text) || !budget.Append(" "))
                    {
                        return;
                    }
                }

                budget.Separate('\n');
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One unreadable (or over-limit) page does not lose the others. PdfPig throws many kinds
                // of exceptions on damaged files, so none is singled out.
            }
        }
    }
}
