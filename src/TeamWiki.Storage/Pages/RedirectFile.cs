using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// <c>{space}/_redirects.yml</c>: where the pages that left a space's addresses went, one line per old
/// address (<c>old/path: new/path</c>), written with the move in the same commit. A file in the repository,
/// so a clone keeps every old link working; one per space so a rename touches one small file, not the
/// page tree (a stub page per old address would show up in every list of pages, search and the trash).
/// </summary>
public static class RedirectFile
{
    /// <summary>The file's name inside the space folder.</summary>
    public const string FileName = "_redirects.yml";

    /// <summary>Most lines kept per space; the oldest go first when a space renames more than this.</summary>
    public const int MaxEntries = 5000;

    /// <summary>The file's repository path for a space.</summary>
    public static string PathOf(string space) => $"{space}/{FileName}";

    /// <summary>
    /// The redirects in a file, old address to new. Lines that do not name two page addresses (a hand edit
    /// gone wrong) are left out rather than failing every lookup of the space.
    /// </summary>
    public static IReadOnlyDictionary<PagePath, PagePath> Parse(string? yaml)
    {
        var map = new Dictionary<PagePath, PagePath>();
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return map;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
            {
                return map;
            }

            foreach (var (key, value) in root.Children)
            {
                if (key is YamlScalarNode { Value: var from } && value is YamlScalarNode { Value: var to }
                    && PagePath.TryParse(from, out var old) && PagePath.TryParse(to, out var target) && old != target)
                {
                    map[old] = target;
                }
            }
        }
        catch (YamlException)
        {
            // A broken file redirects nothing; the pages themselves are unaffected.
        }

        return map;
    }

    /// <summary>
    /// The file text. Every key and value is a <see cref="PagePath"/> (lower-case letters, digits, hyphens and
    /// slashes), which YAML reads back as written without quoting; sorted, so a diff shows just the new lines.
    /// </summary>
    public static byte[] Write(IReadOnlyDictionary<PagePath, PagePath> map)
    {
        var text = new StringBuilder("# Old page addresses and where they went (written when a page is moved).\n");
        foreach (var (from, to) in map.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            text.Append(from.Value).Append(": ").Append(to.Value).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
