using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Accessibility;

/// <summary>
/// Someone who cannot use a mouse works through a day with the keyboard only: Tab, Shift+Tab, Enter,
/// Space, Escape and typing. No click, no hover, no focus set by the test; a page is only ever opened
/// by its address, as typed into the address bar.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardOnlyTests(Browser browser, WikiServer server)
{
    private const string ToosEmail = "toos@toetsen.example";
    private const string ToosPassword = "Toos-toetsenbord-1";

    [Fact]
    public async Task WithTheKeyboardOnlySomeoneCreatesAPageMovesACardOpensANotificationAndAnswersAQuestion()
    {
        var (postId, taskKey) = await ArrangeAsync();
        var page = await browser.NewPageAsync("nl-NL");

        // Signing in: the address field has focus on arrival, Tab leads to the password, Enter sends.
        await page.GotoAsync(server.Url + "/account/login");
        await Expect(page.Locator("#login-email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(ToosEmail);
        await page.TabAndTypeAsync("#login-password", ToosPassword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".user-menu .user-name")).ToHaveTextAsync("Toos Toetsenbord");

        // 1. A new page from the space's home. A page opens with focus on its title (Blazor's focus on
        //    navigation); back up through the header, the skip link is the first stop, visible when it has
        //    focus, and jumps over the header and the navigation to the content.
        await page.GotoAsync(server.Url + "/wiki/toetsen");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await page.TabUntilAsync(".skip-link", backwards: true);
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        await page.TabAndPressAsync("a[href='/new?space=toetsen']");
        await Expect(page).ToHaveURLAsync(new Regex("/new\\?space=toetsen$"));
        await page.TabAndTypeAsync("#new-title", "Sneltoetsen");
        await Expect(page.Locator("#new-space")).ToHaveValueAsync("toetsen");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/edit/toetsen/sneltoetsen"));
        await page.WaitForEditorAsync();
        await page.TabUntilAsync("#editor-text");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("\nAlles kan met het toetsenbord.\n");
        await page.TabAndPressAsync("#save");
        await Expect(page).ToHaveURLAsync(new Regex("/wiki/toetsen/sneltoetsen"));
        await Expect(page.Locator(".markdown-body")).ToContainTextAsync("Alles kan met het toetsenbord.");

        // 2. A card moves one column on the board with its arrow button; the move is announced and focus
        //    stays on the card, now in its new column, so the next move is one more Enter.
        await page.GotoAsync(server.Url + "/spaces/toetsen/board");
        await Expect(page.Locator("#board")).ToHaveAttributeAsync("data-ready", "true");
        await page.TabAndPressAsync($"#card-{taskKey} [data-move-next]");
        await Expect(page.Locator("#board-status")).ToContainTextAsync($"{taskKey} is verplaatst naar");
        await Expect(page.Locator($"[data-status=doing] #card-{taskKey}")).ToBeVisibleAsync();
        await Expect(page.Locator($"#card-{taskKey} [data-move-next]")).ToBeFocusedAsync();
        await ShootBothWidthsAsync(page, "board-keyboard-move");
        await Expect(page.Locator($"#card-{taskKey} [data-move-next]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"[data-status=done] #card-{taskKey}")).ToBeVisibleAsync();
        await Expect(page.Locator($"#card-{taskKey} [data-move-previous]")).ToBeFocusedAsync();
        var stored = JsonDocument.Parse(await server.Api().GetStringAsync($"/api/tasks/{taskKey}")).RootElement;
        Assert.Equal("done", stored.GetProperty("status").GetString());

        // 3. The bell says Bert mentioned Toos. Enter opens it, Escape closes it and leaves focus on the bell;
        //    Space opens it, leaving it with the keyboard closes it; the notification's link leads to the question.
        await page.GotoAsync(server.Url + "/wiki/toetsen");
        await page.WaitForLiveBellAsync();
        await Expect(page.Locator("#bell-count")).ToHaveTextAsync("1");
        await page.TabAndPressAsync("#bell summary");
        await Expect(page.Locator("#bell")).ToHaveAttributeAsync("open", "");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#bell")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#bell summary")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#bell")).ToHaveAttributeAsync("open", "");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.Locator("#bell")).Not.ToHaveAttributeAsync("open", "");
        await page.TabAndPressAsync("#bell summary", "Space");
        await Expect(page.Locator("#bell")).ToHaveAttributeAsync("open", "");
        await page.TabUntilAsync(".bell-list a");
        await Expect(page.Locator(".bell-list a").First).ToBeFocusedAsync();
        await Expect(page.Locator(".bell-list a").First).ToContainTextAsync("Bert Vraagsteller");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/posts/{postId}$"));
        await Expect(page.Locator(".post")).ToContainTextAsync("Welke sneltoets slaat een pagina op?");

        // 4. Toos answers the question and, as the space's owner, marks his reply as the answer.
        await page.TabAndTypeAsync("#reply-text", "Ctrl+S slaat op, ook zonder muis.");
        await page.TabAndPressAsync("#reply-submit");
        await Expect(page).ToHaveURLAsync(new Regex($"/posts/{postId}#reply-\\d+$"));
        await Expect(page.Locator(".comment").Last).ToContainTextAsync("Ctrl+S slaat op");
        await page.TabAndPressAsync("button[data-mark-answer]", "Space");
        await Expect(page.Locator("#answer-badge")).ToBeVisibleAsync();
        await Expect(page.Locator(".post .badge")).ToHaveTextAsync("Beantwoord");
    }

    [Fact]
    public async Task TheFocusRingStandsOutOnTheContentAndOnTheGreenHeaderAtBothWidths()
    {
        var page = await browser.NewPageAsync("nl-NL");
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/wiki/handboek/declaraties");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        // On the white content: a link, then a green button.
        await page.TabUntilAsync("a[href='/edit/handboek/declaraties']");
        await AssertRingStandsOutAsync(page, "the page's edit link on white");
        await Shoot(page, "focus-content-1280");
        await page.TabUntilAsync("#comment-submit");
        await AssertRingStandsOutAsync(page, "the comment button");

        // In the green header: back up to the name of the wiki.
        await page.TabUntilAsync(".brand", backwards: true);
        await AssertRingStandsOutAsync(page, "the wiki's name in the green header");
        await Shoot(page, "focus-header-1280");

        // On a phone the header starts with the menu button.
        await page.SetViewportSizeAsync(390, 844);
        await page.TabUntilAsync("#menu-button", backwards: true);
        await AssertRingStandsOutAsync(page, "the menu button on a phone");
        await Shoot(page, "focus-header-390");
        await page.TabUntilAsync("a[href='/edit/handboek/declaraties']");
        await AssertRingStandsOutAsync(page, "the page's edit link on a phone");
        await Shoot(page, "focus-content-390");
    }

    /// <summary>The focused element shows an outline of 2 px or more whose outline or inner ring contrasts 3:1 with the background.</summary>
    private static async Task AssertRingStandsOutAsync(IPage page, string what)
    {
        var ring = await page.Locator(":focus").EvaluateAsync<JsonElement>(FocusRing.Script);
        Assert.True(ring.GetProperty("focused").GetBoolean(), $"{what}: nothing has focus");
        Assert.NotEqual("none", ring.GetProperty("style").GetString());
        Assert.True(ring.GetProperty("width").GetDouble() >= 2, $"{what}: the focus outline is {ring.GetProperty("width")} px wide");
        var best = Math.Max(ring.GetProperty("outline").GetDouble(), ring.GetProperty("ring").GetDouble());
        Assert.True(best >= 3, $"{what}: the focus ring contrasts only {best:0.00}:1 with its background ({ring})");
    }

    private static readonly string ShotFolder = Path.Combine(Path.GetTempPath(), "shots-i12-keyboard");

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(ShotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotFolder, name + ".png") });
    }

    /// <summary>The page at 1280 and at 390 px wide, with the focused element scrolled into view; focus stays where it was.</summary>
    private static async Task ShootBothWidthsAsync(IPage page, string name)
    {
        var original = page.ViewportSize!;
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.Locator(":focus").ScrollIntoViewIfNeededAsync();
            await Shoot(page, $"{name}-{width}");
        }

        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>
    /// A space Toos owns with one task, and a question in it from Bert that mentions Toos (his one
    /// notification). Returns the question's id and the task's key.
    /// </summary>
    private async Task<(long PostId, string TaskKey)> ArrangeAsync()
    {
        var api = server.Api();
        await server.CreateUserAsync(ToosEmail, "Toos Toetsenbord", ToosPassword);
        await server.CreateUserAsync("bert@toetsen.example", "Bert Vraagsteller", "Bert-vraagt-veel-1");
        var users = await api.GetFromJsonAsync<JsonElement>("/api/users");
        var toos = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == ToosEmail);
        var bertId = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "bert@toetsen.example").GetProperty("id").GetString();

        (await api.PostAsJsonAsync("/api/spaces", new { key = "toetsen", name = "Toetsen", taskPrefix = "TB" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/spaces/toetsen/members/" + ToosEmail, new { role = "owner" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/spaces/toetsen/members/bert@toetsen.example", new { role = "member" })).EnsureSuccessStatusCode();
        var task = await (await api.PostAsJsonAsync("/api/spaces/toetsen/tasks", new { title = "Sneltoetsen uitzoeken" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();

        var token = await (await api.PostAsJsonAsync($"/api/users/{bertId}/tokens", new { name = "toetsen" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var bert = new HttpClient { BaseAddress = new Uri(server.Url) };
        bert.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        var handle = toos.GetProperty("handle").GetString();
        var post = await (await bert.PostAsJsonAsync("/api/spaces/toetsen/posts",
                new { markdown = $"@{handle} Welke sneltoets slaat een pagina op?", question = true })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        return (post.GetProperty("id").GetInt64(), task.GetProperty("key").GetString()!);
    }
}
