using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

public sealed class MentionTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("@bob kijk even", new[] { "bob" })]
    [InlineData("Vraag het @Bob.", new[] { "bob" })]
    [InlineData("(@anna-maria) en @jan2, @bob", new[] { "anna-maria", "jan2", "bob" })]
    [InlineData("@bob en nog eens @bob", new[] { "bob" })]
    [InlineData("mail anna@example.org", new string[0])]
    [InlineData("`@bob` in code", new string[0])]
    [InlineData("```\n@bob\n```", new string[0])]
    [InlineData("een los @ teken", new string[0])]
    [InlineData("**@carol** vet", new[] { "carol" })]
    public void Mentions_are_found_outside_code_and_e_mail_addresses(string markdown, string[] expected)
    {
        Assert.Equal(expected, Renderer.Mentions(markdown));
    }

    [Fact]
    public void A_mention_renders_as_a_link_to_the_profile()
    {
        var html = Renderer.Render("Hoi @Bob!", "team/x", new CatalogLinkResolver(TeamWiki.Storage.Pages.ContentSnapshot.Empty, TeamWiki.Web.Auth.ReadableSpaces.All)).Html;

        Assert.Contains("<a class=\"mention\" href=\"/people/bob\">@Bob</a>!", html);
    }

    [Fact]
    public void Mentions_keep_the_text_around_them_in_plain_text()
    {
        Assert.Equal("Hoi @bob, kijk even", Renderer.ToPlainText("Hoi @bob, kijk even").Trim());
    }
}
