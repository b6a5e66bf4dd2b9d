using TeamWiki.Search.Query;

namespace TeamWiki.Search.Tests.Query;

public class QueryTextTests
{
    [Fact]
    public void WordsPhrasesExclusionsAndFiltersAreRecognised()
    {
        var q = QueryText.Parse("kennis \"wekelijkse sessie\" -vergadering tag:Onboarding space:handboek author:\"Sanne de Vries\"");
        Assert.Equal(["kennis", "wekelijkse sessie", "vergadering"], q.Parts.Select(p => p.Text));
        Assert.True(q.Parts.Single(p => p.Text == "wekelijkse sessie").Phrase);
        Assert.True(q.Parts.Single(p => p.Text == "vergadering").Negated);
        Assert.Equal([("tag", "Onboarding"), ("space", "handboek"), ("author", "Sanne de Vries")], q.Filters.Select(f => (f.Field, f.Value)));
    }

    [Fact]
    public void OrJoinsTwoWordsIntoOneGroup()
    {
        var q = QueryText.Parse("vpn OR wifi instellen");
        Assert.Equal(2, q.Groups.Count);
        Assert.Equal(["vpn", "wifi"], q.Groups[0].Select(p => p.Text));
    }

    [Theory]
    // The words that are left, "+phrase" marking a phrase; an empty string: nothing to search.
    [InlineData("\"ongesloten aanhalingsteken", "ongesloten aanhalingsteken+phrase")]
    [InlineData("\"", "")]
    [InlineData("-", "")]
    [InlineData("- - -", "")]
    [InlineData("AND OR NOT", "")]
    [InlineData("tag:", "")]
    [InlineData("::: ***", "")]
    [InlineData("(kennis AND [delen]", "kennis|delen")]
    [InlineData("title:x^2 body:~y", "title:x^2|body:~y")]
    [InlineData("\u0000\u0001\u001b", "")]
    public void MalformedInputNeverThrowsAndKeepsOnlyTheWords(string input, string expected)
    {
        var q = QueryText.Parse(input);
        Assert.Equal(expected, string.Join("|", q.Parts.Select(p => p.Text + (p.Phrase ? "+phrase" : ""))));
        Assert.DoesNotContain(q.Parts, p => p.Negated);
        Assert.Empty(q.Filters);
    }

    [Fact]
    public void OverLongInputIsCutWithANotice()
    {
        var q = QueryText.Parse(string.Join(' ', Enumerable.Repeat("woord", 3000)));
        Assert.Contains(QueryNotice.Truncated, q.Notices);
        Assert.Contains(QueryNotice.TooManyWords, q.Notices);
        Assert.Equal(QueryText.MaxParts, q.Groups.Count);
    }

    [Fact]
    public void TheOpenWordIsTheLastWordUnlessTheTextEndsWithASpace()
    {
        Assert.Equal("kenn", QueryText.Parse("wiki kenn").OpenWord?.Text);
        Assert.Null(QueryText.Parse("wiki kenn ").OpenWord);
        Assert.Null(QueryText.Parse("\"wiki kenn\"").OpenWord);
    }
}
