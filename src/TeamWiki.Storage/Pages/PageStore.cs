using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>The page store over the git content repository.</summary>
public sealed partial class PageStore : IPageStore
{
    private const int MaxMessageLength = 2000;
    private readonly IContentRepository _repository;
    private readonly IContentCatalog _catalog;
    private readonly StorageOptions _options;

    private readonly LastChangeCache _lastChanges;
    private readonly PageRedirects _redirects;

    // Pages as read, by blob id (which names the exact text, so an entry is never wrong): a page view
    // then neither reads the blob nor parses its front matter again. Bounded; emptied when full.
    private const int MaxParsed = 4096;
    private readonly ConcurrentDictionary<string, (string Text, FrontMatter Meta, string Body)> _parsed = new(StringComparer.Ordinal);

    /// <summary>Creates the store; <paramref name="lastChanges"/> is shared with the task and document stores.</summary>
    public PageStore(GitContentRepository repository, IContentCatalog catalog, IOptions<StorageOptions> options, LastChangeCache? lastChanges = null, PageRedirects? redirects = null)
    {
        _redirects = redirects ?? new PageRedirects(repository, catalog);
        _repository = repository;
        _catalog = catalog;
        _options = options.Value;
        _lastChanges = lastChanges ?? new LastChangeCache(repository);
    }

    /// <inheritdoc />
    public WikiPage? Get(PagePath path, string? revision = null)
    {
        // One commit for everything: the text and the revision handed out must match, or a later save
        // based on that revision would undo whatever changed in between.
        string blobId, commitId;
        (string Text, FrontMatter Meta, string Body) parsed;
        if (revision is null)
        {
            // At the tip: found through the catalog (which is at the tip) and read by blob id, with no walk
            // down the repository's trees, whose folder for a big space holds thousands of entries.
            var snapshot = _catalog.Current;
            if (snapshot.Commit is not { } commit || snapshot.Find(path) is not { } summary)
            {
                return null;
            }

            (blobId, commitId) = (summary.BlobId, commit);
            if (!_parsed.TryGetValue(blobId, out parsed))
            {
                if (_repository.ReadBlob(blobId) is not { } bytes)
                {
                    return null;
                }

                parsed = Remember(blobId, new GitFile(path.FilePath, blobId, commit, bytes).Text);
            }
        }
        else
        {
            var file = _repository.ReadFile(path.FilePath, revision);
            if (file is null)
            {
                return null;
            }

            (blobId, commitId) = (file.BlobId, file.CommitId);
            parsed = _parsed.TryGetValue(blobId, out var known) ? known : Remember(blobId, file.Text);
        }

        var (text, meta, body) = parsed;
        var change = _lastChanges.Of(path.FilePath, blobId, commitId) ?? _repository.FindCommit(commitId)!;
        return new WikiPage(path, PageTitles.Of(path, meta, body), text, body, meta, blobId,
            change.Id, change.AuthorName, change.AuthorEmail, change.When);
    }

    private (string Text, FrontMatter Meta, string Body) Remember(string blobId, string text)
    {
        var (meta, body) = FrontMatter.Split(text);
        if (_parsed.Count >= MaxParsed)
        {
            _parsed.Clear();
        }

        return _parsed[blobId] = (text, meta, body);
    }

    /// <inheritdoc />
    public PageSaveResult Save(PageSave save)
    {
        var text = save.Markdown.ReplaceLineEndings("\n");
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.LongLength > _options.MaxPageBytes)
        {
            throw new PageTooLargeException(save.Path, bytes.LongLength, _options.MaxPageBytes);
        }

        var snapshot = _catalog.Current;
        if (snapshot.FindSpace(save.Path.Space) is null)
        {
            throw new SpaceNotFoundException(save.Path.Space);
        }

        // The catalog is at the published tip, as a look-up in the tip's tree would be, and answers from
        // memory: the tree look-up parsed the whole folder (10,000 entries in a big space) on every save.
        var existed = snapshot.Exists(save.Path);
        var message = CleanMessage(save.Message) ?? $"{(existed ? "Update" : "Create")} {save.Path}";
        try
        {
            var outcome = _repository.Commit(new CommitRequest([new PutFile(save.Path.FilePath, bytes)], save.Author, message, save.BaseRevision));
            // Unchanged: the tip holds exactly this text, so it is a safe base for the next save.
            return new PageSaveResult(save.Path, outcome.CommitId, outcome.Merged, !existed);
        }
        catch (MergeConflictException ex)
        {
            // The committer merges and reports only the paths of the request: this page's own file.
            var file = ex.Files.Single(f => f.Path == save.Path.FilePath);
            // The commit the merge was tried against holds exactly "theirs": resolving on top of it is safe.
            throw new PageConflictException(save.Path, text, Decode(file.Theirs), Decode(file.Base), ex.BaseRevision, ex.HeadRevision);
        }
    }

    /// <inheritdoc />
    public PageSaveResult Delete(PagePath path, ContentAuthor author, string? message = null)
    {
        if (_repository.BlobIdOf(path.FilePath) is null)
        {
            throw new PageNotFoundException(path);
        }

        var outcome = _repository.Commit(new CommitRequest([new RemoveFile(path.FilePath)], author, CleanMessage(message) ?? $"Delete {path}"));
        return new PageSaveResult(path, outcome.CommitId, false, false);
    }

    /// <inheritdoc />
    public PageSaveResult Move(PagePath from, PagePath to, ContentAuthor author, IReadOnlyList<PageRewrite>? rewrites = null, string? baseRevision = null)
    {
        if (_repository.BlobIdOf(from.FilePath) is null)
        {
            throw new PageNotFoundException(from);
        }

        if (from == to)
        {
            return new PageSaveResult(from, LastChangeAtHead(from.FilePath)!.Id, false, false);
        }

        if (to.Value.StartsWith(from.Value + "/", StringComparison.Ordinal))
        {
            throw new InvalidMoveException(from, to, "the target lies inside the page itself");
        }

        RequireSpace(to);

        var moves = new List<MoveFile> { new(from.FilePath, to.FilePath) };
        moves.AddRange(_repository.ListFiles(folder: from.ChildFolder)
            .Select(f => new MoveFile(f.Path, to.ChildFolder + f.Path[from.ChildFolder.Length..])));
        if (moves.Any(m => _repository.BlobIdOf(m.To) is not null))
        {
            throw new PageExistsException(to);
        }

        var changes = new List<FileChange>(moves);
        changes.AddRange(Redirects(moves));
        var rewritten = new List<string>();
        foreach (var rewrite in rewrites ?? [])
        {
            // A page that moves along is written at its new address (after its move in the same commit).
            var target = moves.FirstOrDefault(m => m.From == rewrite.Path.FilePath)?.To ?? rewrite.Path.FilePath;
            var bytes = Utf8(rewrite.Markdown);
            if (bytes.LongLength > _options.MaxPageBytes)
            {
                throw new PageTooLargeException(rewrite.Path, bytes.LongLength, _options.MaxPageBytes);
            }

            changes.Add(new PutFile(target, bytes));
            rewritten.Add(rewrite.Path.Value);
        }

        // The rewritten pages are not named: the message is shown to every reader of the moved page, and
        // the pages may be in spaces those readers cannot see. The commit's own changes list them.
        var message = $"Move {from} to {to}" + (rewritten.Count == 0 ? "" : "\n\nLinks to the page were rewritten in the same commit.");
        // With rewrites the texts were read at the base: a concurrent edit of one of them is merged, not overwritten.
        var outcome = _repository.Commit(new CommitRequest(changes, author, message, rewritten.Count == 0 ? null : baseRevision));
        return new PageSaveResult(to, outcome.CommitId, outcome.Merged, false);
    }

    /// <summary>
    /// The redirect files after a move: every moved page's old address leads to its new one, and an address
    /// that holds a page again redirects no more (so moving a page back and forth makes no loop).
    /// </summary>
    private IEnumerable<FileChange> Redirects(IReadOnlyList<MoveFile> moves)
    {
        var pages = moves.Select(m => (From: PagePath.FromFilePath(m.From), To: PagePath.FromFilePath(m.To)))
            .Where(m => m.From is not null && m.To is not null)
            .Select(m => (From: m.From!.Value, To: m.To!.Value))
            .ToList();
        var spaces = pages.SelectMany(p => new[] { p.From.Space, p.To.Space }).Distinct(StringComparer.Ordinal);
        foreach (var space in spaces)
        {
            var before = _redirects.Of(space);
            var after = new Dictionary<PagePath, PagePath>(before);
            foreach (var (from, to) in pages)
            {
                after.Remove(to);
                if (from.Space == space)
                {
                    after[from] = to;
                }
            }

            if (after.Count > RedirectFile.MaxEntries)
            {
                foreach (var old in after.Keys.Except(pages.Select(p => p.From)).Take(after.Count - RedirectFile.MaxEntries).ToList())
                {
                    after.Remove(old);
                }
            }

            if (after.Count != before.Count || after.Any(e => !before.TryGetValue(e.Key, out var was) || was != e.Value))
            {
                yield return new PutFile(RedirectFile.PathOf(space), RedirectFile.Write(after));
            }
        }
    }

    /// <inheritdoc />
    public PageSaveResult Revert(PagePath path, string revision, ContentAuthor author)
    {
        var old = _repository.ReadFile(path.FilePath, revision)
            ?? History(path, 1000).Where(r => r.Revision.StartsWith(revision, StringComparison.OrdinalIgnoreCase))
                .Select(r => _repository.ReadFile(r.Path + PagePath.FileExtension, r.Revision)).FirstOrDefault()
            ?? throw new PageNotFoundException(path);
        RequireSpace(path);
        var commit = _repository.FindCommit(revision)!;
        var existed = _repository.BlobIdOf(path.FilePath) is not null;
        var outcome = _repository.Commit(new CommitRequest([new PutFile(path.FilePath, old.Content)], author,
            $"Revert {path} to {commit.Id[..7]}\n\nRestores the text of {commit.Id} ({commit.Subject})."));
        return new PageSaveResult(path, outcome.CommitId, false, !existed);
    }

    /// <summary>
    /// Finds the last change of every page in one walk of the history and keeps the answers, so the first
    /// view of each page after a start does not walk the history on its own. Run it in the background.
    /// </summary>
    public int PreloadLastChanges() => _lastChanges.Of(_catalog.Current.Pages.Select(p => new GitEntry(p.Path.FilePath, p.BlobId)).ToList()).Count;

    /// <inheritdoc />
    public IReadOnlyList<PageRevision> History(PagePath path, int max = 200)
    {
        var history = _lastChanges.History.FileHistory(path.FilePath, max).Select(c => ToRevision(c, path)).ToList();
        // A deleted page's history stays readable: its deletion first, then its life up to it.
        return history.Count > 0 || max <= 0 ? history : DeletedHistory(path, max);
    }

    /// <inheritdoc />
    public PageDiff Diff(PagePath path, string from, string to)
    {
        var fromCommit = _repository.FindCommit(from) ?? throw new RevisionNotFoundException(from);
        var toCommit = _repository.FindCommit(to) ?? throw new RevisionNotFoundException(to);
        var history = new Lazy<IReadOnlyList<PageRevision>>(() => History(path, 1000));
        var oldFile = FileAt(path, fromCommit.Id, history);
        var newFile = FileAt(path, toCommit.Id, history);
        return new PageDiff(path.Value, fromCommit.Id, toCommit.Id, oldFile?.Text ?? "", newFile?.Text ?? "",
            _repository.UnifiedDiff(oldFile?.BlobId, newFile?.BlobId, path.FilePath));
    }

    /// <inheritdoc />
    public IReadOnlyList<RecentChange> RecentChanges(int max, string? space = null, IReadOnlyCollection<string>? spaces = null)
    {
        var snapshot = _catalog.Current;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<RecentChange>();
        var within = space is not null ? [space] : spaces;
        foreach (var entry in _lastChanges.History.Recent(Math.Max(max * 4, 50), within, ItemKind.Page))
        {
            // A move shows the page under its new address and, as gone, under its old one.
            foreach (var file in entry.MovedFrom is null ? [entry.Path] : new[] { entry.Path, entry.MovedFrom })
            {
                if (PagePath.FromFilePath(file) is not { } page || (within is not null && !within.Contains(page.Space)) || !seen.Add(page.Value))
                {
                    continue;
                }

                var summary = snapshot.Find(page);
                var commit = entry.Commit;
                result.Add(new RecentChange(page.Value, summary?.Title ?? PageTitles.FromSlug(page.Name), commit.Id,
                    commit.AuthorName, commit.When, commit.Subject, summary is not null));
                if (result.Count == max)
                {
                    return result;
                }
            }
        }

        return result;
    }

    private GitFile? FileAt(PagePath path, string revision, Lazy<IReadOnlyList<PageRevision>> history) =>
        _repository.ReadFile(path.FilePath, revision)
        ?? history.Value.Where(r => r.Revision == revision)
            .Select(r => _repository.ReadFile(r.Path + PagePath.FileExtension, revision)).FirstOrDefault();

    /// <summary>The last change of a file at the tip, or null when it does not exist there.</summary>
    private GitCommitInfo? LastChangeAtHead(string filePath) => _lastChanges.AtHead(filePath);

    /// <summary>
    /// A page lives in a space, and spaces are made on purpose (with their settings and access), never
    /// as a side effect of saving a page under a new first segment.
    /// </summary>
    private void RequireSpace(PagePath path)
    {
        if (_catalog.Current.FindSpace(path.Space) is null)
        {
            throw new SpaceNotFoundException(path.Space);
        }
    }

    private static string? CleanMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var clean = new string(message.Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
        // The restore trailer is the wiki's own: typed into a save it would graft a deleted page's history on.
        clean = string.Join('\n', clean.Split('\n').Where(l => !l.TrimStart().StartsWith(HistoryIndex.RestoredFromTrailer, StringComparison.OrdinalIgnoreCase))).Trim();
        return clean.Length > MaxMessageLength ? clean[..MaxMessageLength] : clean;
    }

    private static string? Decode(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
