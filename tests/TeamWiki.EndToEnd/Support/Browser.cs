using Microsoft.Playwright;

namespace TeamWiki.EndToEnd.Support;

/// <summary>
/// One headless Debian Chromium for the whole run, driven by Playwright. Never downloads a browser:
/// the path is fixed, and the background-networking flags keep it off the (closed) network.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TEAMWIKI_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A new browser context (its own cookies): one person. The page is watched for console errors,
    /// uncaught exceptions and Blazor's error bar for the rest of the test (<see cref="CleanBrowserAttribute"/>),
    /// and closed when the test ends.
    /// </summary>
    public async Task<IPage> NewPageAsync(string? locale = "en-US", int width = 1280, int height = 900)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(PageErrors.ErrorUiWatcher);
        var page = await context.NewPageAsync();
        CleanBrowser.Track(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add(message.Text);
                }
            }
        };
        return page;
    }

    /// <summary>
    /// Declares an error the current test provokes on purpose: on any of its pages, errors containing
    /// <paramref name="text"/> do not fail it. Be precise ("status of 404"), not broad ("error").
    /// </summary>
    public void ExpectError(string text) => CleanBrowser.Expect(text);

    /// <summary>Every console error of the whole run (kept for older tests; the clean-browser check is per test).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// The browser tests: one server and one browser, tests one at a time, and every test fails on a page
/// error it did not declare (<see cref="CleanBrowserAttribute"/> applies to each test in the collection).
/// </summary>
[CollectionDefinition(Name)]
[CleanBrowser]
public sealed class BrowserCollection : ICollectionFixture<Browser>, ICollectionFixture<WikiServer>
{
    public const string Name = "browser";
}
