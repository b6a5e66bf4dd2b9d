using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace TeamWiki.EndToEnd.Support;

/// <summary>
/// Moving through a page the way a keyboard user does: Tab (or Shift+Tab) one stop at a time, never a
/// click or a programmatic focus. A stop that is never reached fails the test with every element that got
/// focus on the way, so a missing stop, a wrong order or a keyboard trap shows in the message.
/// </summary>
public static class KeyboardActions
{
    /// <summary>More than any page of the wiki needs to reach its last control from the top.</summary>
    public const int DefaultMaxPresses = 80;

    /// <summary>Whether the focused element matches the selector, and how to name it in a failure.</summary>
    private const string FocusScript = """
        selector => {
          const e = document.activeElement;
          if (!e || e === document.body) return { matches: false, name: "(nothing: the page body)" };
          const label = (e.getAttribute("aria-label") || e.innerText || e.value || e.getAttribute("title") || "").trim().replace(/\s+/g, " ").slice(0, 50);
          const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "")
            + (e.getAttribute("href") ? "[href=" + e.getAttribute("href") + "]" : "") + (label ? " \"" + label + "\"" : "");
          return { matches: e.matches(selector), name };
        }
        """;

    /// <summary>
    /// Presses Tab (or Shift+Tab with <paramref name="backwards"/>) until the focused element matches
    /// <paramref name="selector"/>; fails after <paramref name="maxPresses"/> presses, listing what got focus.
    /// </summary>
    public static async Task TabUntilAsync(this IPage page, string selector, bool backwards = false, int maxPresses = DefaultMaxPresses)
    {
        var seen = new List<string>();
        for (var press = 1; press <= maxPresses; press++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<JsonElement>(FocusScript, selector);
            if (focus.GetProperty("matches").GetBoolean())
            {
                return;
            }

            seen.Add($"{press,3}. {focus.GetProperty("name").GetString()}");
        }

        throw new XunitException(
            $"Pressed {(backwards ? "Shift+Tab" : "Tab")} {maxPresses} times on {page.Url} and focus never reached '{selector}'. It went to:\n"
            + string.Join("\n", seen));
    }

    /// <summary>Tabs to the element matching <paramref name="selector"/> and types <paramref name="text"/> into it.</summary>
    public static async Task TabAndTypeAsync(this IPage page, string selector, string text)
    {
        await page.TabUntilAsync(selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tabs to the element matching <paramref name="selector"/> and presses <paramref name="key"/> on it (Enter by default).</summary>
    public static async Task TabAndPressAsync(this IPage page, string selector, string key = "Enter")
    {
        await page.TabUntilAsync(selector);
        await page.Keyboard.PressAsync(key);
    }
}
