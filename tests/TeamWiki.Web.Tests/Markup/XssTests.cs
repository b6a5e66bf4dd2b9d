namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// Hostile input must come out harmless: no script elements, no event handlers, no script URLs, no
/// embedding elements. Every payload also runs through the assertions on the parsed DOM.
/// </summary>
public class XssTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"  javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x6A;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<object data=\"javascript:alert(1)\"></object>")]
    [InlineData("<embed src=\"javascript:alert(1)\">")]
    [InlineData("<form action=javascript:alert(1)><button>Verstuur</button></form>")]
    [InlineData("<style>body{background:url(javascript:alert(1))}</style>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<details open ontoggle=alert(1)><summary>x</summary></details>")]
    [InlineData("<input autofocus onfocus=alert(1)>")]
    [InlineData("<input type=\"text\" value=\"wachtwoord\">")]
    [InlineData("<base href=\"javascript:\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("<p title=\"</p><script>alert(1)</script>\">x</p>")]
    [InlineData("<template><script>alert(1)</script></template>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>")]
    [InlineData("<link rel=stylesheet href=\"javascript:alert(1)\">")]
    public void RawHtmlAttacksAreNeutralised(string payload)
    {
        HtmlSafety.AssertHarmless(Md.Html(payload));
        HtmlSafety.AssertHarmless(Md.Html("Tekst ervoor " + payload + " en erna."));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("[x](java&#10;script:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](java\nscript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](<java script:alert(1)>)")]
    [InlineData("[x](<\u0001javascript:alert(1)>)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x][kwaad]\n\n[kwaad]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("[x](http://a.nl \"title\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("# Kop {onclick=alert(1)}")]
    [InlineData("[x](http://a.nl){onclick=alert(1)}")]
    public void MarkdownLinkAttacksAreNeutralised(string payload)
    {
        HtmlSafety.AssertHarmless(Md.Html(payload));
    }

    [Theory]
    [InlineData("[[handboek/x|<img src=x onerror=alert(1)>]]")]
    [InlineData("[[<script>alert(1)</script>]]")]
    [InlineData("[[Onboarding|\"><script>alert(1)</script>]]")]
    [InlineData("[[\" onmouseover=\"alert(1)]]")]
    public void WikiLinkAttacksAreNeutralised(string payload)
    {
        HtmlSafety.AssertHarmless(Md.Html(payload));
    }

    [Fact]
    public void ASchemeInAWikiLinkTargetIsOnlyAPageTitle()
    {
        var html = Md.Html("[[javascript:alert(1)]]");

        HtmlSafety.AssertNoActiveContent(html);
        var link = Md.Parse(html).QuerySelector("a.wikilink")!;
        Assert.StartsWith("/edit/handboek/javascript-alert-1?title=javascript%3Aalert", link.GetAttribute("href"));
    }

    [Fact]
    public void HtmlInAWikiLinkLabelIsShownAsText()
    {
        var body = Md.Dom("[[handboek/x|<img src=x onerror=alert(1)>]]");

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)>", body.QuerySelector("a.wikilink")!.TextContent);
    }

    [Fact]
    public void AuthorChosenClassesAreDroppedButThePipelinesOwnSurvive()
    {
        var body = Md.Dom("<div class=\"position-fixed top-0 w-100 wikilink\" id=\"x\">nep</div>\n\n```csharp\nx\n```\n\n[[Onboarding]]");

        Assert.Equal("wikilink", body.QuerySelector("div")!.ClassName);
        Assert.Equal("language-csharp", body.QuerySelector("code")!.ClassName);
        Assert.Equal("wikilink", body.QuerySelector("p a")!.ClassName);
    }

    [Theory]
    [InlineData("<p id=\"a&quot;b\">x</p>")]
    [InlineData("<p id=\"a b\">x</p>")]
    [InlineData("<p id=\"<x>\">x</p>")]
    public void IdsWithOddCharactersAreDropped(string html)
    {
        Assert.False(Md.Dom(html).QuerySelector("p")!.HasAttribute("id"));
    }

    [Fact]
    public void ScriptsInCodeStayVisibleAsText()
    {
        var html = Md.Html("```html\n<script>alert(1)</script>\n```\n\nInline `<img src=x onerror=alert(1)>` ook.");

        HtmlSafety.AssertHarmless(html);
        var body = Md.Parse(html);
        Assert.Equal("<script>alert(1)</script>\n", body.QuerySelector("pre code")!.TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", body.QuerySelector("p code")!.TextContent);
    }
}
