using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;

namespace TeamWiki.Storage.Pages;

/// <summary>Pages as the wiki sees them: read, save (with merge), move, delete, history, diff, revert.</summary>
public interface IPageStore
{
    /// <summary>A page at the tip, or at <paramref name="revision"/>; null when it does not exist there.</summary>
    /// <exception cref="RevisionNotFoundException">The revision is not a commit on the branch.</exception>
    WikiPage? Get(PagePath path, string? revision = null);

    /// <summary>Saves a page as one commit by its author. Concurrent edits are merged.</summary>
    /// <exception cref="PageTooLargeException">Over the size limit.</exception>
    /// <exception cref="PageConflictException">The edit overlaps a concurrent one; nothing was saved.</exception>
    /// <exception cref="RevisionNotFoundException">The base revision is not a commit on the branch.</exception>
    /// <exception cref="Spaces.SpaceNotFoundException">The page's space does not exist.</exception>
    PageSaveResult Save(PageSave save);

    /// <summary>Deletes a page (its sub-pages stay).</summary>
    /// <exception cref="PageNotFoundException">No such page.</exception>
    PageSaveResult Delete(PagePath path, ContentAuthor author, string? message = null);

    /// <summary>
    /// Moves or renames a page together with its sub-pages and files; history follows. The old addresses
    /// redirect to the new ones (<see cref="RedirectFile"/>), written in the same commit, as are
    /// <paramref name="rewrites"/> (other pages' links to the page), read at <paramref name="baseRevision"/>.
    /// </summary>
    /// <exception cref="PageNotFoundException">No such page.</exception>
    /// <exception cref="PageExistsException">Something exists at the target.</exception>
    /// <exception cref="InvalidMoveException">The target lies inside the page.</exception>
    /// <exception cref="Spaces.SpaceNotFoundException">The target's space does not exist.</exception>
    /// <exception cref="MergeConflictException">A rewritten page was changed meanwhile in the same lines; nothing was written.</exception>
    PageSaveResult Move(PagePath from, PagePath to, ContentAuthor author, IReadOnlyList<PageRewrite>? rewrites = null, string? baseRevision = null);

    /// <summary>
    /// Pages deleted in a space and not back since, newest deletion first: at most <paramref name="max"/>,
    /// and never more than <see cref="DeletedPage.MostListed"/> + 1 (the one more tells a caller there are more).
    /// </summary>
    IReadOnlyList<DeletedPage> Trash(string space, int max = DeletedPage.MostListed);

    /// <summary>The page deleted at <paramref name="path"/> when nothing is there now; else null.</summary>
    DeletedPage? Deleted(PagePath path);

    /// <summary>
    /// Brings a deleted page back as a new commit, with the text it had at <paramref name="revision"/>
    /// (default: just before its deletion); its history goes on through the deletion.
    /// </summary>
    /// <exception cref="PageExistsException">A page exists at the path now.</exception>
    /// <exception cref="PageNotFoundException">Nothing was deleted there, or the page did not exist at the revision.</exception>
    /// <exception cref="RevisionNotFoundException">The revision is not a commit on the branch.</exception>
    PageSaveResult Restore(PagePath path, ContentAuthor author, string? revision = null);

    /// <summary>Makes the page's text what it was at <paramref name="revision"/>, as a new commit.</summary>
    /// <exception cref="PageNotFoundException">The page did not exist at that revision.</exception>
    /// <exception cref="RevisionNotFoundException">The revision is not a commit on the branch.</exception>
    /// <exception cref="Spaces.SpaceNotFoundException">The page's space does not exist.</exception>
    PageSaveResult Revert(PagePath path, string revision, ContentAuthor author);

    /// <summary>The commits that changed the page, newest first, across renames.</summary>
    IReadOnlyList<PageRevision> History(PagePath path, int max = 200);

    /// <summary>The page at two revisions and the diff between them.</summary>
    /// <exception cref="RevisionNotFoundException">A revision is not a commit on the branch.</exception>
    PageDiff Diff(PagePath path, string from, string to);

    /// <summary>Pages changed by the latest commits, newest first, one entry per page; only in <paramref name="spaces"/> when given.</summary>
    IReadOnlyList<RecentChange> RecentChanges(int max, string? space = null, IReadOnlyCollection<string>? spaces = null);
}
