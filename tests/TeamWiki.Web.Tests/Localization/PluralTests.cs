using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamWiki.Web.Localization;

namespace TeamWiki.Web.Tests.Localization;

/// <summary>Counted texts take the singular for exactly one and the plural otherwise, in Dutch and in English.</summary>
public class PluralTests
{
    private static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData("nl", 0, "0 pagina's")]
    [InlineData("nl", 1, "1 pagina")]
    [InlineData("nl", 13, "13 pagina's")]
    [InlineData("en", 0, "0 pages")]
    [InlineData("en", 1, "1 page")]
    [InlineData("en", 13, "13 pages")]
    public void PagesAreCountedInTheRightForm(string language, int count, string expected) =>
        Assert.Equal(expected, In(language, () => L.Plural(count, "{0} page", "{0} pages")));

    [Theory]
    [InlineData("nl", 1, "1 antwoord", "1 openstaande taak", "1 resultaat", "1 versie")]
    [InlineData("nl", 2, "2 antwoorden", "2 openstaande taken", "2 resultaten", "2 versies")]
    [InlineData("en", 1, "1 reply", "1 open task", "1 result", "1 version")]
    [InlineData("en", 2, "2 replies", "2 open tasks", "2 results", "2 versions")]
    public void RepliesTasksResultsAndVersionsAreCountedInTheRightForm(string language, int count, string replies, string tasks, string results, string versions)
    {
        Assert.Equal(replies, In(language, () => L.Plural(count, "{0} reply", "{0} replies")));
        Assert.Equal(tasks, In(language, () => L.Plural(count, "{0} open task", "{0} open tasks")));
        Assert.Equal(results, In(language, () => L.Plural(count, "{0} result", "{0} results")));
        Assert.Equal(versions, In(language, () => L.Plural(count, "{0} version", "{0} versions")));
    }

    [Fact]
    public void MoreArgumentsFollowTheCount()
    {
        Assert.Equal("De laatste 1 week, vanaf 3 mrt.", In("nl", () => L.Plural(1, "The last {0} week, from {1}.", "The last {0} weeks, from {1}.", "3 mrt")));
        Assert.Equal("The last 12 weeks, from 3 Mar.", In("en", () => L.Plural(12, "The last {0} week, from {1}.", "The last {0} weeks, from {1}.", "3 Mar")));
    }

    [Theory]
    [InlineData("en", 1.0, "1 hour")]
    [InlineData("en", 1.04, "1 hour")]
    [InlineData("en", 1.5, "1.5 hours")]
    [InlineData("en", 0.0, "0 hours")]
    [InlineData("nl", 1.5, "1,5 uur")]
    public void AMeasureIsSingularOnlyWhenItShowsAsOne(string language, double hours, string expected) =>
        Assert.Equal(expected, In(language, () => L.Plural(hours, "{0} hour", "{0} hours")));

    private static string In(string language, Func<string> text)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
