using System.Collections.Concurrent;
using System.Text;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.Pages;

/// <summary>The trash: deleted pages read from the history index, and putting them back with their history.</summary>
public sealed partial class PageStore
{
    /// <summary>How much of a deleted page is read for its title: its front matter and first heading are at the start.</summary>
    internal const int TitlePrefixBytes = 16 * 1024;

    /// <summary>Titles of deleted pages by blob id and path (a blob never changes), so a trash view reads each blob once.</summary>
    private readonly ConcurrentDictionary<string, string> _trashTitles = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<DeletedPage> Trash(string space, int max = DeletedPage.MostListed) =>
        _lastChanges.History.Deleted(space, ItemKind.Page, Math.Clamp(max, 0, DeletedPage.MostListed + 1))
            .Where(d => d.Commit.ParentId is not null && PagePath.FromFilePath(d.Path) is { } p && _catalog.Current.Find(p) is null)
            .Select(d => ToDeleted(PagePath.FromFilePath(d.Path)!.Value, d))
            .ToList();

    /// <inheritdoc />
    public DeletedPage? Deleted(PagePath path) =>
        _catalog.Current.Find(path) is null && _lastChanges.History.LastDeletion(path.FilePath) is { Commit.ParentId: not null } d
            ? ToDeleted(path, d)
            : null;

    /// <inheritdoc />
    public PageSaveResult Restore(PagePath path, ContentAuthor author, string? revision = null)
    {
        if (_repository.BlobIdOf(path.FilePath) is not null)
        {
            throw new PageExistsException(path);
        }

        var deleted = Deleted(path) ?? throw new PageNotFoundException(path);
        var from = revision ?? deleted.Revision;
        var file = _repository.ReadFile(path.FilePath, from) ?? throw new PageNotFoundException(path);
        RequireSpace(path);
        // The trailer tells the history index that this is the earlier life coming back (see HistoryIndex.RestoredFromTrailer).
        var message = $"Restore {path}\n\nDeleted in {deleted.DeletionCommit[..7]}; text from {file.CommitId[..7]}.\n\n{HistoryIndex.RestoredFromTrailer} {file.CommitId}";
        var outcome = _repository.Commit(new CommitRequest([new PutFile(path.FilePath, file.Content)], author, message, deleted.DeletionCommit));
        return new PageSaveResult(path, outcome.CommitId, outcome.Merged, true);
    }

    private DeletedPage ToDeleted(PagePath path, HistoryEntry deletion)
    {
        var before = deletion.Commit.ParentId!;
        return new DeletedPage(path, TitleAt(path, before), deletion.Commit.AuthorName, deletion.Commit.AuthorEmail,
            deletion.Commit.When, before, deletion.Commit.Id);
    }

    /// <summary>
    /// The title of the page as it was at <paramref name="revision"/>, from the first
    /// <see cref="TitlePrefixBytes"/> of its blob: a page whose front matter runs past that is titled by
    /// its first heading in it, or its address.
    /// </summary>
    private string TitleAt(PagePath path, string revision)
    {
        if (_repository.BlobIdOf(path.FilePath, revision) is not { } blobId)
        {
            return PageTitles.FromSlug(path.Name);
        }

        var key = blobId + " " + path.Value;
        if (_trashTitles.TryGetValue(key, out var known))
        {
            return known;
        }

        var prefix = _repository.ReadBlobPrefix(blobId, TitlePrefixBytes) ?? [];
        var text = Encoding.UTF8.GetString(prefix.AsSpan().StartsWith("\uFEFF"u8) ? prefix.AsSpan(3) : prefix);
        var (meta, body) = FrontMatter.Split(text);
        var title = PageTitles.Of(path, meta, body);
        if (_trashTitles.Count >= 4096)
        {
            // Bounded: a wiki with more deleted pages than this reads some again, and nothing grows without end.
            _trashTitles.Clear();
        }

        _trashTitles[key] = title;
        return title;
    }

    /// <summary>The history of a deleted page: its deletion, then its commits up to it.</summary>
    private IReadOnlyList<PageRevision> DeletedHistory(PagePath path, int max)
    {
        if (Deleted(path) is not { } deleted || _repository.FindCommit(deleted.DeletionCommit) is not { } deletion)
        {
            return [];
        }

        var earlier = _lastChanges.History.FileHistory(path.FilePath, max - 1, deleted.Revision);
        return [new PageRevision(deletion.Id, deletion.AuthorName, deletion.AuthorEmail, deletion.When, deletion.Message, path.Value),
            .. earlier.Select(c => ToRevision(c, path))];
    }

    private static PageRevision ToRevision(GitCommitInfo c, PagePath path) =>
        new(c.Id, c.AuthorName, c.AuthorEmail, c.When, c.Message,
            c.Path is { } p && p.EndsWith(PagePath.FileExtension, StringComparison.Ordinal) ? p[..^PagePath.FileExtension.Length] : path.Value);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
}
