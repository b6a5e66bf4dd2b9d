using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TeamWiki.EndToEnd.Support;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright; the script is embedded in the package, nothing is downloaded)
/// run on the page as it is now, limited to the WCAG 2.1 A and AA rules.
/// </summary>
public static class Axe
{
    /// <summary>The WCAG 2.0 and 2.1 success criteria at levels A and AA.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// The tags leave out rules axe still calls experimental; these check WCAG 2.1 A/AA criteria the
    /// issue names, so they run too (2.5.3 Label in Name: a control's accessible name contains its visible text).
    /// </summary>
    private static readonly string[] ExperimentalWcagRules = ["label-content-name-mismatch"];

    /// <summary>One line per violating element: rule, help, the element's selector and where it was seen.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string where)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            Rules = ExperimentalWcagRules.ToDictionary(rule => rule, _ => new RuleOptions { Enabled = true }),
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        return result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Id} ({v.Impact}) {v.Help} at {n.Target} {Failure(n)}"))
            .ToList();
    }

    /// <summary>What axe found wrong with the element (its failing checks' messages).</summary>
    private static string Failure(AxeResultNode node)
    {
        var messages = new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks)
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrWhiteSpace(message))
            .Distinct();
        return string.Join("; ", messages) is { Length: > 0 } text ? "— " + text : "";
    }
}
