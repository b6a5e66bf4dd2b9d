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
        await Expect(page.Locator(".user-menu .user-name")).ToBeVisibleAsync();
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
    /// document's text is extracted first), for at most <paramref name="seconds"/> seconds.
    /// </summary>
    public static async Task<ILocator> SearchUntilFoundAsync(this IPage page, string baseUrl, string query, string text, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var hit = page.Locator(".result", new() { HasText = text });
        while (true)
        {
            await page.GotoAsync($"{baseUrl}/search?q={Uri.EscapeDataString(query)}");
            if (await hit.CountAsync() > 0 || DateTime.UtcNow > until)
            {
                return hit;
            }

            await Task.Delay(300);
        }
    }
}
