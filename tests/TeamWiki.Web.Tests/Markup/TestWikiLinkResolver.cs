using System.Globalization;
using System.Text;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Markup;

/// <summary>
/// A small page catalog standing in for the app's: targets with a '/' are paths, others are titles;
/// unknown targets become missing pages in the current space with a slugified name.
/// </summary>
internal sealed class TestWikiLinkResolver : IWikiLinkResolver
{
    private readonly Dictionary<string, string> _titlesByPath = new(StringComparer.Ordinal)
    {
        ["handboek/welkom"] = "Welkom bij Lindeboom ICT",
        ["handboek/onboarding"] = "Onboarding",
        ["handboek/onboarding/eerste-werkdag"] = "Eerste werkdag",
        ["kennisbank/git-workflow"] = "Git-workflow",
        ["handboek/coordinatie"] = "Coördinatie",
    };

    /// <summary>Every call, in order, so tests can see what the renderer asked.</summary>
    public List<(string Target, string Space)> Calls { get; } = [];

    public WikiLinkTarget Resolve(string target, string currentSpace)
    {
        lock (Calls)
        {
            Calls.Add((target, currentSpace));
        }

        if (target.Contains('/'))
        {
            var path = string.Join('/', target.Split('/').Select(Slugify));
            return _titlesByPath.TryGetValue(path, out var title)
                ? new WikiLinkTarget(path, title, true)
                : new WikiLinkTarget(path, target, false);
        }

        foreach (var (path, title) in _titlesByPath)
        {
            if (string.Equals(title, target, StringComparison.OrdinalIgnoreCase))
            {
                return new WikiLinkTarget(path, title, true);
            }
        }

        return new WikiLinkTarget(currentSpace + "/" + Slugify(target), target, false);
    }

    /// <summary>"Coördinatie & Overleg" → "coordinatie-overleg".</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
