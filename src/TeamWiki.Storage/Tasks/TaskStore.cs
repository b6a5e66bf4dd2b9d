using System.Text;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Tasks;

/// <summary>
/// Tasks in git. Editing a whole task from the version the author opened goes through git's three-way
/// merge, like pages; changing fields without a base (a card moved on the board) applies the change to
/// the latest version, so concurrent moves and edits never undo each other.
/// </summary>
public sealed class TaskStore(GitContentRepository repository, IContentCatalog catalog, LastChangeCache? lastChanges = null)
{
    private const int Attempts = 5;
    private readonly LastChangeCache _lastChanges = lastChanges ?? new LastChangeCache(repository);

    /// <summary>A task with its last change (revision, who, when), or null.</summary>
    public WikiTask? Get(string key)
    {
        var normal = TaskKey.Normalise(key);
        if (normal is null || catalog.Current.FindTask(normal) is not { } task)
        {
            return null;
        }

        var change = _lastChanges.Of(PathOf(task), task.BlobId);
        return change is null ? task : task with { Revision = change.Id, UpdatedBy = change.AuthorName, Updated = change.When };
    }

    /// <summary>The tasks of a space (without revisions: from the snapshot).</summary>
    public IEnumerable<WikiTask> InSpace(string space) => catalog.Current.TasksIn(space);

    /// <summary>Creates a task with the next free number of the space.</summary>
    /// <exception cref="SpaceNotFoundException">No such space.</exception>
    /// <exception cref="InvalidTaskException">Bad fields.</exception>
    public WikiTask Create(string space, WikiTask draft, ContentAuthor author)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = catalog.Current;
            var info = snapshot.FindSpace(space) ?? throw new SpaceNotFoundException(space);
            // Keys are global: after a space changed its prefix, another space may take the old one while
            // tasks still carry it. A key another space's task has would hide one of the two tasks (and
            // hand the other space's task, and its comments, to whoever asks for the key): skip it.
            var number = snapshot.HighestTaskNumber(space) + 1;
            while (snapshot.FindTask($"{info.TaskPrefix}-{number}") is not null)
            {
                number++;
            }

            var key = $"{info.TaskPrefix}-{number}";
            var task = Validate(draft with { Key = key, Space = space, Status = string.IsNullOrEmpty(draft.Status) ? info.FirstStatus : draft.Status }, info);
            var text = TaskFile.Write(task);
            try
            {
                // Based on the tip we counted from: if someone takes the same number meanwhile, git sees
                // two files added at one path and the number is counted again.
                repository.Commit(new CommitRequest([new PutFile(TaskKey.FilePath(space, key), Encoding.UTF8.GetBytes(text))], author,
                    $"Create {key}: {task.Title}", snapshot.Commit));
                return Get(key) ?? task;
            }
            catch (MergeConflictException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>
    /// Changes a task. With <paramref name="baseRevision"/> (the version the author opened) the change is
    /// made to that version and merged with anything saved since; without it, it is made to the latest.
    /// </summary>
    /// <exception cref="TaskNotFoundException">No such task.</exception>
    /// <exception cref="TaskConflictException">The change overlaps one made since the base revision.</exception>
    public WikiTask Update(string key, Func<WikiTask, WikiTask> change, ContentAuthor author, string? baseRevision = null)
    {
        // The snapshot suffices to find the file; its last change (a history walk) is not needed here.
        var snapshot = catalog.Current;
        var current = snapshot.FindTask(TaskKey.Normalise(key) ?? "") ?? throw new TaskNotFoundException(key);
        var info = snapshot.FindSpace(current.Space) ?? throw new SpaceNotFoundException(current.Space);
        var path = PathOf(current);
        for (var attempt = 1; ; attempt++)
        {
            var at = baseRevision ?? repository.Head!;
            var source = repository.ReadFile(path, at) ?? throw new TaskNotFoundException(key);
            var before = TaskFile.Parse(current.Space, current.Key, source.Text, info.FirstStatus);
            var after = Validate(change(before) with { Key = current.Key, Space = current.Space }, info);
            var text = TaskFile.Write(after, source.Text);
            try
            {
                var outcome = repository.Commit(new CommitRequest([new PutFile(path, Encoding.UTF8.GetBytes(text))], author, Message(before, after), at));
                return Get(current.Key) ?? after;
            }
            catch (MergeConflictException ex)
            {
                if (baseRevision is not null)
                {
                    var theirs = ex.Files.FirstOrDefault(f => f.Path == path)?.Theirs;
                    throw new TaskConflictException(current.Key, text, theirs is null ? null : Encoding.UTF8.GetString(theirs), ex.HeadRevision);
                }

                if (attempt == Attempts)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Deletes a task: its file moves to <c>_tasks/_deleted</c>, so history stays and its number is not given out again.</summary>
    public void Delete(string key, ContentAuthor author)
    {
        var task = Get(key) ?? throw new TaskNotFoundException(key);
        repository.Commit(new CommitRequest([new MoveFile(PathOf(task), TaskKey.DeletedPath(task.Space, task.Key))],
            author, $"Delete {task.Key}: {task.Title}"));
    }

    /// <summary>The commits that changed a task, newest first.</summary>
    public IReadOnlyList<PageRevision> History(string key)
    {
        var task = catalog.Current.FindTask(TaskKey.Normalise(key) ?? "") ?? throw new TaskNotFoundException(key);
        return _lastChanges.History.FileHistory(PathOf(task))
            .Select(c => new PageRevision(c.Id, c.AuthorName, c.AuthorEmail, c.When, c.Message, task.Key)).ToList();
    }

    /// <summary>A task as it was at a revision, or null.</summary>
    public WikiTask? At(string key, string revision)
    {
        var task = catalog.Current.FindTask(TaskKey.Normalise(key) ?? "") ?? throw new TaskNotFoundException(key);
        var file = repository.ReadFile(PathOf(task), revision);
        return file is null ? null : TaskFile.Parse(task.Space, task.Key, file.Text, "todo") with { Revision = revision };
    }

    /// <summary>Where a stored task's file is (tasks put straight into <c>_tasks/</c> by hand stay there).</summary>
    private static string PathOf(WikiTask task) => task.FilePath.Length > 0 ? task.FilePath : TaskKey.FilePath(task.Space, task.Key);

    private static WikiTask Validate(WikiTask task, SpaceInfo space)
    {
        var title = task.Title.Trim();
        if (title.Length is 0 or > 200 || title.Any(char.IsControl))
        {
            throw new InvalidTaskException("A task needs a title of 1 to 200 characters");
        }

        var status = Slug.From(task.Status);
        if (space.Columns.All(c => c.Key != status))
        {
            throw new InvalidTaskException($"Status '{task.Status}' is not a column of this space ({string.Join(", ", space.Columns.Select(c => c.Key))})");
        }

        if (task.Description.Length > 200_000)
        {
            throw new InvalidTaskException("The description is longer than 200,000 characters");
        }

        if (task.Labels.Count > 20 || task.Links.Count > 50)
        {
            throw new InvalidTaskException("At most 20 labels and 50 links");
        }

        return task with { Title = title, Status = status, Labels = task.Labels.Select(FrontMatter.NormaliseTag).Where(l => l.Length is > 0 and <= 40).Distinct().ToList() };
    }

    private static string Message(WikiTask before, WikiTask after) =>
        before.Status != after.Status && before with { Status = after.Status } == after
            ? $"{after.Key}: {before.Status} → {after.Status}"
            : $"Update {after.Key}: {after.Title}";
}
