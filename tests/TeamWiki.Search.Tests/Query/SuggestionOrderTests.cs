using TeamWiki.Search.Analysis;

namespace TeamWiki.Search.Tests.Query;

/// <summary>
/// Title suggestions while typing: titles that start with what was typed come before titles that only
/// have a word starting so, however many of those there are and in whatever order they were indexed.
/// </summary>
public sealed class SuggestionOrderTests : IDisposable
{
    private static readonly WikiAnalyzers Analyzers = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamwiki-search-tests", Guid.NewGuid().ToString("n"));
    private readonly WikiSearchIndex _index;

    public SuggestionOrderTests()
    {
        _index = new WikiSearchIndex(_folder, Analyzers);
        // Word-prefix matches first in the index, so index order alone would list them first.
        var docs = Enumerable.Range(1, 30).Select(i => Doc($"handboek/vergoeding-{i}", $"Declaraties en vergoedingen {i}"))
            .Append(Doc("handboek/vergaderingen", "Vergaderingen"))
            .Append(Doc("handboek/vergaderen-op-afstand", "Vergaderen op afstand"))
            .Append(Doc("handboek/verg-later", "Agenda: vergaderen later"))
            .Append(Doc("handboek/ergens", "Ergens anders"));
        _index.Apply(docs.ToList(), [], "commit-1");
    }

    [Fact]
    public void TitlesThatStartWithTheTypedTextComeFirst()
    {
        var titles = _index.Suggest("verg", 10).Select(s => s.Title).ToList();

        Assert.Equal(10, titles.Count);
        Assert.Equal(["Vergaderen op afstand", "Vergaderingen"], titles.Take(2).Order(StringComparer.Ordinal));
        Assert.All(titles.Skip(2), t => Assert.Contains("verg", t, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Ergens anders", titles);
    }

    [Fact]
    public void SeveralTypedWordsStartTheTitleOnlyInTheirOrder()
    {
        var titles = _index.Suggest("verg op", 10).Select(s => s.Title).ToList();
        Assert.Equal("Vergaderen op afstand", titles[0]);

        var reversed = _index.Suggest("afst verg", 10).Select(s => s.Title).ToList();
        Assert.Equal(["Vergaderen op afstand"], reversed);
    }

    [Fact]
    public void CaseDoesNotMatter()
    {
        Assert.Equal("Vergaderingen", _index.Suggest("VERGADERI", 10)[0].Title);
    }

    private static SearchDocument Doc(string path, string title) =>
        new("page", path, title, [], "Tekst.", [], "handboek", "Alice", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
