using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Pages;

/// <summary>
/// On a phone (390 × 844) the header is one line with a menu button, the navigation opens from that button
/// (by touch and by keyboard), and no main page is wider than the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(Browser browser, WikiServer server)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task TheMenuOpensFromTheHeadersButtonByTouchAndByKeyboardAndItsLinksLeadOn()
    {
        var page = await browser.NewPageAsync(width: PhoneWidth, height: 844);
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/verlof");
        var button = page.Locator("#menu-button");
        await AssertHeaderFitsAsync(page, "/wiki/handboek/verlof");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#sidebar")).ToBeHiddenAsync();
        await Expect(page.Locator("#topbar-actions")).ToBeHiddenAsync();
        await Expect(page.Locator(".bell summary")).ToBeVisibleAsync();

        // Touch: the menu holds the navigation, the language switch and the account links.
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#sidebar a[aria-current=page]")).ToBeVisibleAsync();
        await Expect(page.Locator("#topbar-actions .culture-switch")).ToBeVisibleAsync();
        await Expect(page.Locator("#topbar-actions .user-name")).ToBeVisibleAsync();
        await Expect(page.Locator("#topbar-actions form[action='/account/logout'] button")).ToBeVisibleAsync();

        // Escape closes it and gives the focus back to the button.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#sidebar")).ToBeHiddenAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(button).ToBeFocusedAsync();

        // Keyboard only: Enter opens it, Tab reaches the navigation, Enter follows a link, and the menu is closed on arrival.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#sidebar")).ToBeVisibleAsync();
        await TabIntoAsync(page, "#sidebar");
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url + target);
        await Expect(page.Locator("#sidebar")).ToBeHiddenAsync();
        await Expect(page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "false");

        // And by touch to a space's board.
        await page.ClickAsync("#menu-button");
        await page.ClickAsync("#sidebar a[href='/wiki/project-atlas']");
        await Expect(page).ToHaveURLAsync(server.Url + "/wiki/project-atlas");
        // The new page has arrived (its space's tools are in the navigation) before the menu opens again:
        // the arriving page replaces the shell, menu state included.
        await Expect(page.Locator("#sidebar a[href='/spaces/project-atlas/board']")).ToBeAttachedAsync();
        await page.ClickAsync("#menu-button");
        await page.ClickAsync("#sidebar a[href='/spaces/project-atlas/board']");
        await Expect(page.Locator(".board")).ToBeVisibleAsync();
        await Expect(page.Locator("#sidebar")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task NoMainPageIsWiderThanThePhone()
    {
        var page = await browser.NewPageAsync(width: PhoneWidth, height: 844);
        await page.SignInAsync(server.Url);
        string[] addresses =
        [
            "/", "/wiki/handboek/verlof", "/history/handboek/verlof", "/spaces/project-atlas/tasks", "/spaces/project-atlas/board",
            "/search?q=verlof", "/spaces", "/spaces/project-atlas/documents", "/activity", "/people", "/discussions", "/my-work",
            "/notifications", "/insights", "/diff/handboek/verlof",
        ];
        var wide = new List<string>();
        foreach (var address in addresses)
        {
            await page.GotoAsync(server.Url + address);
            await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            await AssertHeaderFitsAsync(page, address);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width != PhoneWidth)
            {
                wide.Add($"{address}: {width}px");
            }
        }

        Assert.True(wide.Count == 0, "Pages wider than the phone's 390px:\n" + string.Join("\n", wide));
    }

    private static async Task AssertHeaderFitsAsync(IPage page, string address)
    {
        var header = await page.Locator("header.topbar").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.True(header.Height <= 64, $"the header of {address} is {header.Height}px tall");
    }

    /// <summary>Presses Tab until the focus is inside <paramref name="selector"/>; fails when it never gets there.</summary>
    private static async Task TabIntoAsync(IPage page, string selector)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.closest(s) != null", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}");
    }
}
