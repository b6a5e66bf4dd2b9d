using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>One renderer instance serves concurrent requests, as the app's singleton does.</summary>
public class ThreadSafetyTests
{
    [Fact]
    public void ParallelRendersOfTheSamePageAreIdentical()
    {
        var renderer = new MarkdownRenderer();
        var expected = renderer.Render(SamplePages.Onboarding, SamplePages.OnboardingPath, new TestWikiLinkResolver());
        const int threads = 8;
        const int rounds = 25;
        var results = new RenderedMarkdown[threads * rounds];
        var plainTexts = new string[threads * rounds];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var r = 0; r < rounds; r++)
            {
                results[(t * rounds) + r] = renderer.Render(SamplePages.Onboarding, SamplePages.OnboardingPath, new TestWikiLinkResolver());
                plainTexts[(t * rounds) + r] = renderer.ToPlainText(SamplePages.Onboarding);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var expectedText = renderer.ToPlainText(SamplePages.Onboarding);
        Assert.All(results, result =>
        {
            Assert.Equal(expected.Html, result.Html);
            Assert.Equal(expected.Toc, result.Toc);
            Assert.Equal(expected.LinkedPages, result.LinkedPages);
            Assert.Equal(expected.HasMissingLinks, result.HasMissingLinks);
        });
        Assert.All(plainTexts, text => Assert.Equal(expectedText, text));
    }

    [Fact]
    public void ParallelRendersWithDifferentPagesDoNotMixState()
    {
        var renderer = new MarkdownRenderer();
        var pages = Enumerable.Range(0, 8).Select(i => ($"## Kop {i}\n\n[[Pagina {i}]] ![x](_media/{i}.png)", $"space{i}/pagina")).ToArray();
        var expected = pages.Select(p => renderer.Render(p.Item1, p.Item2, new TestWikiLinkResolver())).ToArray();

        var actual = new RenderedMarkdown[pages.Length];
        Parallel.For(0, pages.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % pages.Length;
            var result = renderer.Render(pages[index].Item1, pages[index].Item2, new TestWikiLinkResolver());
            Assert.Equal(expected[index].Html, result.Html);
            Assert.Equal(expected[index].LinkedPages, result.LinkedPages);
            actual[index] = result;
        });

        Assert.Equal($"space3/pagina-3", actual[3].LinkedPages.Single());
        Assert.Contains("/files/space3/_media/3.png", actual[3].Html);
    }
}
