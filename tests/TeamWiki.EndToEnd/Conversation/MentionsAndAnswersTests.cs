using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TeamWiki.EndToEnd.Support;
using static Microsoft.Playwright.Assertions;

namespace TeamWiki.EndToEnd.Conversation;

[Collection(BrowserCollection.Name)]
public class MentionsAndAnswersTests(Browser browser, WikiServer server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 15_000 };

    [Fact]
    public async Task TwoColleaguesMentionAskAnswerAndFindWhoKnows()
    {
        await server.CreateUserAsync("anouk@team.example", "Anouk de Vries", "Anouk-wachtwoord-1");
        await server.CreateUserAsync("bram@team.example", "Bram Jansen", "Bram-wachtwoord-1");
        var anouk = await browser.NewPageAsync("nl-NL");
        var bram = await browser.NewPageAsync("nl-NL");
        await anouk.SignInAsync(server.Url, "anouk@team.example", "Anouk-wachtwoord-1");
        await bram.SignInAsync(server.Url, "bram@team.example", "Bram-wachtwoord-1");

        // Bram reads a page; his bell is live (kept current over a WebSocket) and shows nothing new.
        await bram.GotoAsync(server.Url + "/wiki/handboek/declaraties");
        await Expect(bram.Locator("#bell-count")).ToHaveTextAsync("0");
        await bram.WaitForLiveBellAsync();

        // Anouk comments on the same page and mentions Bram, picking him from the suggestions.
        await anouk.GotoAsync(server.Url + "/wiki/handboek/declaraties");
        var box = anouk.Locator("#comment-text");
        await box.ClickAsync();
        await box.PressSequentiallyAsync("Klopt dit bedrag nog, @bra");
        await Expect(anouk.Locator(".mention-list li[data-handle='bram']")).ToBeVisibleAsync(Slow);
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("Klopt dit bedrag nog, @bram ");
        await box.PressSequentiallyAsync("? Het lijkt me te laag.");
        await anouk.ClickAsync("#comment-submit");
        await Expect(anouk).ToHaveURLAsync(new Regex(@"/wiki/handboek/declaraties#comment-\d+$"));
        var anchor = new Uri(anouk.Url).Fragment;
        await Expect(anouk.Locator(anchor)).ToContainTextAsync("Het lijkt me te laag");
        await Expect(anouk.Locator(anchor + " a.mention")).ToHaveAttributeAsync("href", "/people/bram");

        // Bram's bell counts it without a reload, and the notification opens the comment.
        await Expect(bram.Locator("#bell-count")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await bram.ClickAsync("#bell summary");
        await Expect(bram.Locator(".bell-list")).ToContainTextAsync("Anouk de Vries");
        await bram.Locator(".bell-list a").First.ClickAsync();
        await Expect(bram).ToHaveURLAsync(new Regex(Regex.Escape(anchor) + "$"));
        await Expect(bram.Locator(anchor)).ToContainTextAsync("Het lijkt me te laag");
        await Expect(bram.Locator("#bell-count")).ToHaveTextAsync("0", new() { Timeout = 15_000 });

        // Anouk asks a question in the handbook's discussion.
        await anouk.GotoAsync(server.Url + "/spaces/handboek/discussions");
        await anouk.FillAsync("#post-text", "Hoe werkt de archivering van mail bij ons?");
        await anouk.FillAsync("#post-tags", "archivering");
        await anouk.CheckAsync("#post-question");
        await anouk.ClickAsync("#post-submit");
        await Expect(anouk).ToHaveURLAsync(new Regex(@"/posts/\d+$"));
        var postUrl = anouk.Url;

        // Bram answers it.
        await bram.GotoAsync(postUrl);
        await bram.FillAsync("#reply-text", "Met de archiefknop in Outlook; na een jaar gaat het naar het archief.");
        await bram.ClickAsync("#reply-submit");
        await Expect(bram).ToHaveURLAsync(new Regex(@"/posts/\d+#reply-\d+$"));
        await Expect(bram.Locator(".comment").Last).ToContainTextAsync("archiefknop");

        // Anouk marks his reply as the answer.
        await anouk.ReloadAsync();
        await anouk.Locator("button[data-mark-answer]").First.ClickAsync();
        await Expect(anouk.Locator("#answer-badge")).ToBeVisibleAsync();
        await Expect(anouk.Locator(".post .badge")).ToHaveTextAsync("Beantwoord");

        // Bram heard that his answer was accepted.
        await Expect(bram.Locator("#bell-count")).ToHaveTextAsync("1", new() { Timeout = 15_000 });

        // "Who knows about archivering?" finds Bram first, with his answer as evidence.
        await anouk.GotoAsync(server.Url + "/people");
        await anouk.FillAsync("#knows", "archivering");
        await anouk.ClickAsync("#who-knows-submit");
        var first = anouk.Locator("#experts .person-card").First;
        await Expect(first).ToHaveAttributeAsync("data-handle", "bram");
        await Expect(first.Locator(".evidence")).ToContainTextAsync("beantwoordde");
    }
}
