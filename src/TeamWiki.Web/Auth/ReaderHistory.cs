using System.Security.Claims;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Auth;

/// <summary>
/// A page's history as one reader may see it. History follows a page across moves, also from a space
/// the reader may not read: those older versions (their paths, commits and text) belong to that space,
/// so the history stops where the page entered a readable space, and a diff or restore that names one
/// of those versions is answered like a version that does not exist.
/// </summary>
public sealed class ReaderHistory(IPageStore pages, SpaceAccess access)
{
    /// <summary>Deep enough to see past any move a reader could ask about.</summary>
    private const int Depth = 1000;

    /// <summary>The versions <paramref name="reader"/> may see, newest first, with moves worded for them.</summary>
    public IReadOnlyList<PageRevision> Of(ClaimsPrincipal reader, PagePath path, int max = 200) =>
        Visible(reader, pages.History(path, Math.Max(max, 1))).Take(max).ToList();

    /// <summary>
    /// Throws <see cref="RevisionNotFoundException"/> when <paramref name="revision"/> (a commit id or a
    /// prefix of one) names a version of this page that lay in a space <paramref name="reader"/> may not read.
    /// </summary>
    public void EnsureVisible(ClaimsPrincipal reader, PagePath path, string? revision)
    {
        var wanted = revision?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return;
        }

        var all = pages.History(path, Depth);
        var visible = Visible(reader, all).Select(r => r.Revision).ToHashSet(StringComparer.Ordinal);
        if (all.Any(r => !visible.Contains(r.Revision) && r.Revision.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RevisionNotFoundException(wanted);
        }
    }

    private IEnumerable<PageRevision> Visible(ClaimsPrincipal reader, IEnumerable<PageRevision> history)
    {
        bool CanRead(string space) => access.CanRead(reader, space);
        foreach (var entry in history)
        {
            if (!CanRead(MoveMessages.SpaceOf(entry.Path)))
            {
                // Older than this lies in a space the reader may not read; even if the page was once in
                // a readable space before that, the gap would tell where it has been.
                yield break;
            }

            yield return entry with { Message = MoveMessages.ForReader(entry.Message, CanRead) };
        }
    }
}
