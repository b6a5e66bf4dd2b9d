namespace TeamWiki.EndToEnd.Support;

/// <summary>
/// The pages the running test opened, and the errors it said it expects. Browser tests run one at a
/// time (they share one collection), so one list serves: <see cref="CleanBrowserAttribute"/> starts it
/// before each test and checks and closes its pages after it.
/// </summary>
public static class CleanBrowser
{
    private static readonly Lock Gate = new();
    private static readonly List<PageErrors> Pages = [];
    private static readonly List<string> Expected = [];

    /// <summary>Starts a test: nothing opened, nothing expected.</summary>
    public static void Begin()
    {
        lock (Gate)
        {
            Pages.Clear();
            Expected.Clear();
        }
    }

    /// <summary>Watches a page the test opened; its number is its order in the test.</summary>
    public static PageErrors Track(Microsoft.Playwright.IPage page)
    {
        lock (Gate)
        {
            var errors = new PageErrors(page, $"page {Pages.Count + 1}");
            Pages.Add(errors);
            return errors;
        }
    }

    /// <summary>The watcher of a page opened in this test, or null for a page opened some other way.</summary>
    public static PageErrors? Of(Microsoft.Playwright.IPage page)
    {
        lock (Gate)
        {
            return Pages.FirstOrDefault(p => ReferenceEquals(p.Page, page));
        }
    }

    /// <summary>Accepts, on every page of the current test, errors that contain <paramref name="text"/>.</summary>
    public static void Expect(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        lock (Gate)
        {
            Expected.Add(text);
        }
    }

    /// <summary>
    /// Ends a test: lets each page deliver what it still had in flight (an evaluation round trip comes
    /// back after every console message sent before it), looks at Blazor's error bar once more, closes
    /// the pages' contexts, and returns the errors nobody expected.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EndAsync()
    {
        List<PageErrors> pages;
        List<string> expected;
        lock (Gate)
        {
            pages = [.. Pages];
            expected = [.. Expected];
            Pages.Clear();
            Expected.Clear();
        }

        var failures = new List<string>();
        foreach (var watched in pages)
        {
            var page = watched.Page;
            var url = page.Url;
            if (!page.IsClosed)
            {
                try
                {
                    await page.EvaluateAsync("() => 0");
                    if (await page.Locator("#blazor-error-ui").IsVisibleAsync() && watched.All.All(e => !e.Contains("#blazor-error-ui", StringComparison.Ordinal)))
                    {
                        watched.Add("#blazor-error-ui is visible at the end of the test");
                    }
                }
                catch (Microsoft.Playwright.PlaywrightException)
                {
                    // Closed or navigating away while we asked: what it reported so far still counts.
                }

                await page.Context.CloseAsync();
            }

            failures.AddRange(watched.Unexpected(expected).Select(e => $"{watched.Name} ({url}): {e}"));
        }

        return failures;
    }
}
