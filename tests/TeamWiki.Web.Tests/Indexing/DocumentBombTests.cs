using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Search.Indexing.Extraction;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Indexing;

/// <summary>
/// Files that unpack to far more than they weigh. Each is read only up to the limits: the text before the
/// bulk is kept, no more than the character limit is returned, and the cut is reported. The limits are
/// small here so the bombs can be small too (8 MB of XML against a 1 MB part limit); the defaults are
/// the same mechanism at larger numbers.
/// </summary>
public class DocumentBombTests
{
    private const int CharLimit = 20_000;
    private const long XmlBytes = 8 * 1024 * 1024;

    private static readonly TextExtractionOptions Limits = new() { MaxChars = CharLimit, MaxPartBytes = 1024 * 1024, MaxTotalBytes = 3 * 1024 * 1024 };

    private static DocumentText Text(TextExtractionOptions limits) =>
        new(NullLogger<DocumentText>.Instance, Options.Create(new TeamWikiOptions { TextExtraction = limits }));

    public static TheoryData<string, Func<byte[]>> OfficeBombs => new()
    {
        { "bom.docx", () => DocumentBombs.Word("woordbommarkering", XmlBytes) },
        { "bom.xlsx", () => DocumentBombs.Excel("woordbommarkering", XmlBytes) },
        { "bom.pptx", () => DocumentBombs.PowerPoint("woordbommarkering", XmlBytes) },
    };

    [Theory]
    [MemberData(nameof(OfficeBombs))]
    public void AnOfficeBombIsReadOnlyUpToTheCharacterLimit(string name, Func<byte[]> make)
    {
        var bomb = make();
        Assert.True(bomb.Length < XmlBytes / 50, $"the {name} bomb is {bomb.Length:N0} bytes: not a bomb");

        var read = Text(Limits).Read(name, bomb);

        Assert.StartsWith("woordbommarkering", read.Text.TrimStart());
        Assert.Contains("bom", read.Text);
        Assert.InRange(read.Text.Length, 1_000, CharLimit);
        Assert.NotNull(read.Truncated);
    }

    [Theory]
    [MemberData(nameof(OfficeBombs))]
    public void AnOfficeBombStopsAtThePartLimitWhenItHoldsLittleText(string name, Func<byte[]> make)
    {
        var bomb = make();
        // Room for all the text there is: only the byte limits can stop it.
        var read = Text(new TextExtractionOptions { MaxChars = 50_000_000, MaxPartBytes = 1024 * 1024, MaxTotalBytes = 3 * 1024 * 1024 }).Read(name, bomb);

        Assert.StartsWith("woordbommarkering", read.Text.TrimStart());
        // Never more text than the XML read could hold: the per-part limit (here at most three parts).
        Assert.InRange(read.Text.Length, 1_000, 3 * 1024 * 1024);
        Assert.Contains("bytes", read.Truncated);
    }

    [Fact]
    public void APdfStreamThatInflatesPastTheLimitIsSkippedAndTheOtherPagesAreRead()
    {
        var bomb = DocumentBombs.Pdf("voorbladtekst", "slotpaginatekst", XmlBytes);
        Assert.True(bomb.Length < XmlBytes / 50, $"the PDF bomb is {bomb.Length:N0} bytes: not a bomb");

        var read = Text(Limits).Read("bom.pdf", bomb);

        Assert.Contains("voorbladtekst", read.Text);
        Assert.Contains("slotpaginatekst", read.Text);
        Assert.DoesNotContain("bom", read.Text);
        Assert.Contains("PDF stream", read.Truncated);
    }

    [Fact]
    public void APdfStreamWithinTheLimitIsReadWhole()
    {
        var pdf = DocumentBombs.Pdf("voorbladtekst", "slotpaginatekst", 4_000);

        var read = Text(Limits).Read("klein.pdf", pdf);

        Assert.Contains("voorbladtekst", read.Text);
        Assert.Contains("bom", read.Text);
        Assert.Contains("slotpaginatekst", read.Text);
        Assert.Null(read.Truncated);
    }

    [Fact]
    public void ThePdfPageLimitKeepsTheFirstPages()
    {
        var pdf = DocumentBombs.Pdf("voorbladtekst", "slotpaginatekst", 4_000);

        var read = Text(new TextExtractionOptions { MaxPdfPages = 1 }).Read("lang.pdf", pdf);

        Assert.Contains("voorbladtekst", read.Text);
        Assert.DoesNotContain("slotpaginatekst", read.Text);
        Assert.Contains("pages", read.Truncated);
    }

    [Fact]
    public void TheDefaultLimitsHoldAWordFileOfEightySixMegabytesOfXml()
    {
        // The size from the report: a small .docx that unpacked to 86 MB of XML and cost 1.3 GB to read.
        var bomb = DocumentBombs.Word("woordbommarkering", 86L * 1024 * 1024);

        var read = Text(new TextExtractionOptions()).Read("groot.docx", bomb);

        Assert.StartsWith("woordbommarkering", read.Text.TrimStart());
        Assert.Equal(new TextExtractionOptions().MaxChars, read.Text.Length);
        Assert.NotNull(read.Truncated);
    }

    [Fact]
    public void ALargePlainTextFileIsDecodedOnlyUpToTheLimit()
    {
        var log = System.Text.Encoding.UTF8.GetBytes(new string('x', CharLimit * 10));

        var read = Text(Limits).Read("groot.log", log);

        Assert.Equal(CharLimit, read.Text.Length);
        Assert.NotNull(read.Truncated);
    }
}
