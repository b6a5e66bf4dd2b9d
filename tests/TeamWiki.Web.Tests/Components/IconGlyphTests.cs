using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Components;

/// <summary>
/// Icons are inline SVG: an emoji or symbol glyph shows as an empty box on a machine without a font that has
/// it (the bell did). No text the wiki itself writes on its main pages is such a glyph; what people wrote
/// (page text, posts, reactions, commit messages) may be anything.
/// </summary>
public partial class IconGlyphTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private const string UserContent = ".markdown-body, .post-body, .reaction, .reactions, .history-message, textarea";

    [Theory]
    [InlineData("/")]
    [InlineData("/wiki/handboek/verlof")]
    [InlineData("/wiki/project-atlas")]
    [InlineData("/edit/handboek/verlof")]
    [InlineData("/history/handboek/verlof")]
    [InlineData("/spaces")]
    [InlineData("/spaces/project-atlas/tasks")]
    [InlineData("/spaces/project-atlas/board")]
    [InlineData("/spaces/project-atlas/documents")]
    [InlineData("/tasks/ATL-1")]
    [InlineData("/search?q=verlof")]
    [InlineData("/discussions")]
    [InlineData("/activity")]
    [InlineData("/people")]
    [InlineData("/notifications")]
    [InlineData("/my-work")]
    public async Task NoMainPageUsesAGlyphAsAnIcon(string url)
    {
        var session = await new BrowserSession(factory.BaseAddress).SignInAsync(TeamWikiFactory.AdminEmail, TeamWikiFactory.AdminPassword);
        var response = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var glyphs = document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement?.Closest(UserContent) is null && IsIconGlyph(t.Data))
            .Select(t => $"<{t.ParentElement?.LocalName} class=\"{t.ParentElement?.ClassName}\">{t.Data.Trim()}")
            .ToList();

        Assert.True(glyphs.Count == 0, $"{url} shows glyphs as icons:\n" + string.Join("\n", glyphs));
        // The header's icons are there, as SVG: the menu button's and the bell's.
        Assert.NotNull(document.QuerySelector("#menu-button svg.icon-menu[aria-hidden=true]"));
        Assert.NotNull(document.QuerySelector(".bell summary svg.icon-bell[aria-hidden=true]"));
    }

    [Fact]
    public void NoStylesheetDrawsAGlyphWithContent()
    {
        var web = Path.Combine(Root(), "src", "TeamWiki.Web");
        var drawn = Directory.EnumerateFiles(web, "*.css", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .SelectMany(f => ContentDeclaration().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .Where(d => d.Any(c => c > 127))
            .ToList();

        Assert.True(drawn.Count == 0, "CSS content with glyphs:\n" + string.Join("\n", drawn));
    }

    [Theory]
    [InlineData("🔔", true)]
    [InlineData("☰", true)]
    [InlineData("☑ 2/3", true)]
    [InlineData("⇪", true)]
    [InlineData("→", true)]
    [InlineData(" × ", true)]
    [InlineData("Verlof en ziekmelding · Teamhandboek …", false)]
    [InlineData("− 3 regels", false)]
    [InlineData("Coördinatie", false)]
    public void TellsIconGlyphsFromText(string text, bool glyph) => Assert.Equal(glyph, IsIconGlyph(text));

    /// <summary>
    /// Emoji, arrows, technical and geometric symbols, dingbats; a lone ×, • or ✓ (a close button, a bullet).
    /// Punctuation that every text font has (·, …, −, quotes) is text.
    /// </summary>
    private static bool IsIconGlyph(string text)
    {
        if (text.Trim() is "×" or "•")
        {
            return true;
        }

        return text.EnumerateRunes().Any(r => r.Value is (>= 0x2190 and <= 0x21FF) or (>= 0x2300 and <= 0x23FF)
            or (>= 0x2460 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF) or (>= 0x1F000 and <= 0x1FAFF) or 0xFE0F);
    }

    [GeneratedRegex("""content\s*:\s*("[^"]*"|'[^']*')""")]
    private static partial Regex ContentDeclaration();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamWiki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TeamWiki.sln not found");
    }
}
