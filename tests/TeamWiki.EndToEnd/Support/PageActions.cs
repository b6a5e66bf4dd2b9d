using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Support;

/// <summary>What a person does again and again, written once.</summary>
public static class PageActions
{
    public static async Task SignInAsync(this IPage page, string baseUrl, string email = WikiServer.AdminEmail, string password = WikiServer.AdminPassword)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        // Attached, not visible: on a phone the account links are inside the closed menu.
        await Expect(page.Locator(".user-menu .user-name")).ToBeAttachedAsync();
    }

    /// <summary>Opens the editor and waits until its circuit and script are live (clicking earlier loses input).</summary>
    public static async Task OpenEditorAsync(this IPage page, string baseUrl, string path)
    {
        await page.GotoAsync($"{baseUrl}/edit/{path}");
        await WaitForEditorAsync(page);
    }

    public static Task WaitForEditorAsync(this IPage page) =>
        Expect(page.Locator("#editor")).ToHaveAttributeAsync("data-ready", "true");

    public static async Task SaveAsync(this IPage page)
    {
        await page.ClickAsync("#save");
    }

    /// <summary>
    /// Searches until a hit with <paramref name="text"/> shows (indexing runs in the background: a
    /// document's text is extracted first), and fails the test when none shows within
    /// <paramref name="seconds"/> seconds (a deadline against hangs, not a speed check).
    /// </summary>
    public static async Task<ILocator> SearchUntilFoundAsync(this IPage page, string baseUrl, string query, string text, int seconds = 60)
    {
        var hit = page.Locator(".result", new() { HasText = text });
        await Eventually.UntilAsync(async () =>
        {
            await page.GotoAsync($"{baseUrl}/search?q={Uri.EscapeDataString(query)}");
            return await hit.CountAsync() > 0;
        }, $"a search for '{query}' to show a hit with '{text}'", TimeSpan.FromSeconds(seconds));
        return hit;
    }

    /// <summary>Waits until the notification bell runs over a live circuit: from then on it rings without a reload.</summary>
    public static Task WaitForLiveBellAsync(this IPage page) =>
        Expect(page.Locator(".bell")).ToHaveAttributeAsync("data-live", "true");

    /// <summary>
    /// Declares an error this page is meant to show (a 404 the test visits on purpose): errors containing
    /// <paramref name="text"/> do not fail the test. Be precise ("status of 404"), not broad ("error").
    /// </summary>
    public static void ExpectError(this IPage page, string text) =>
        (CleanBrowser.Of(page) ?? throw new InvalidOperationException("This page was not opened with Browser.NewPageAsync in this test")).Expect(text);
}
