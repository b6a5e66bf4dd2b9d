using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Tasks;

[Collection(BrowserCollection.Name)]
public class BoardTests(Browser browser, WikiServer server)
{
    [Fact]
    public async Task ACardDraggedToDoneMovesOnTheBoardOfSomeoneElseWithoutAReload()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "bordwerk", name = "Bordwerk", taskPrefix = "BW" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/bordwerk/tasks", new { title = "Offerte sturen" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/bordwerk/tasks", new { title = "Planning maken" })).EnsureSuccessStatusCode();

        var alice = await browser.NewPageAsync();
        await alice.SignInAsync(server.Url);

        // A task made with the form, with a checklist in its description.
        await alice.GotoAsync(server.Url + "/spaces/bordwerk/tasks/new");
        await alice.FillAsync("#task-title-input", "Klant bellen");
        await alice.FillAsync("#task-labels-input", "klant, telefoon");
        await alice.FillAsync("#task-description-input", "Vragen naar:\n\n- [x] budget\n- [ ] startdatum\n");
        await alice.ClickAsync("#save-task");
        await Expect(alice).ToHaveURLAsync(new Regex("/tasks/BW-3$"));
        await Expect(alice.Locator("#task-title")).ToHaveTextAsync("Klant bellen");
        await Expect(alice.Locator(".task-facts")).ToContainTextAsync("1 van 2 klaar");
        await Expect(alice.Locator("#task-description li")).ToHaveCountAsync(2);

        var bob = await browser.NewPageAsync();
        await bob.SignInAsync(server.Url);
        await OpenBoardAsync(alice, "bordwerk");
        await OpenBoardAsync(bob, "bordwerk");
        await Expect(bob.Locator("[data-status=todo] #card-BW-1")).ToBeVisibleAsync();

        // Alice drags the first card to Done; Bob's open board shows it there.
        await alice.Locator("#card-BW-1").DragToAsync(alice.Locator("[data-status=done] .board-cards"));
        await Expect(alice.Locator("[data-status=done] #card-BW-1")).ToBeVisibleAsync();
        await Expect(bob.Locator("[data-status=done] #card-BW-1")).ToBeVisibleAsync();
        await Expect(bob.Locator("[data-status=todo] #card-BW-1")).ToHaveCountAsync(0);

        // Bob moves another card with the keyboard; Alice sees that one move.
        await bob.Locator("#card-BW-2 [data-move-next]").FocusAsync();
        await bob.Keyboard.PressAsync("Enter");
        await Expect(bob.Locator("#board-status")).ToContainTextAsync("BW-2");
        await Expect(alice.Locator("[data-status=doing] #card-BW-2")).ToBeVisibleAsync();

        var stored = JsonDocument.Parse(await api.GetStringAsync("/api/tasks/bw-1")).RootElement;
        Assert.Equal("done", stored.GetProperty("status").GetString());
        var history = JsonDocument.Parse(await api.GetStringAsync("/api/tasks/BW-1/history")).RootElement;
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task TheListFiltersOverdueTasksAndMyWorkShowsMineFirstWhenLate()
    {
        var api = server.Api();
        (await api.PostAsJsonAsync("/api/spaces", new { key = "lijstwerk", name = "Lijstwerk", taskPrefix = "LW" })).EnsureSuccessStatusCode();
        var me = JsonDocument.Parse(await api.GetStringAsync("/api/me")).RootElement.GetProperty("handle").GetString();
        var yesterday = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd");
        var nextWeek = DateTime.Today.AddDays(7).ToString("yyyy-MM-dd");
        (await api.PostAsJsonAsync("/api/spaces/lijstwerk/tasks", new { title = "Later werk", assignee = me, due = nextWeek })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/lijstwerk/tasks", new { title = "Te laat werk", assignee = me, due = yesterday })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/spaces/lijstwerk/tasks", new { title = "Werk van een ander" })).EnsureSuccessStatusCode();

        var page = await browser.NewPageAsync();
        await page.SignInAsync(server.Url);
        await page.GotoAsync(server.Url + "/spaces/lijstwerk/tasks");
        await Expect(page.Locator("#task-count")).ToContainTextAsync("3");
        await page.SelectOptionAsync("select[name=view]", "overdue");
        await page.ClickAsync(".task-filters button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("view=overdue"));
        await Expect(page.Locator("table.tasks tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.tasks")).ToContainTextAsync("Te laat werk");

        await page.ClickAsync("#my-work-link");
        await Expect(page).ToHaveURLAsync(new Regex("/my-work$"));
        var rows = page.Locator("table.tasks tbody tr");
        await Expect(rows.First).ToContainTextAsync("Te laat werk");
        await Expect(page.Locator("table.tasks")).ToContainTextAsync("Later werk");
        await Expect(page.Locator("table.tasks")).Not.ToContainTextAsync("Werk van een ander");
    }

    private async Task OpenBoardAsync(IPage page, string space)
    {
        await page.GotoAsync($"{server.Url}/spaces/{space}/board");
        await Expect(page.Locator("#board")).ToHaveAttributeAsync("data-ready", "true");
    }
}
