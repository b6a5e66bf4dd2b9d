using System.Text.RegularExpressions;

namespace TeamWiki.Web.Activity;

/// <summary>What the wiki itself wrote a commit for, recognised from the subject it writes.</summary>
public enum CommitAction
{
    /// <summary>A page created: <c>Create handboek/verlof</c>.</summary>
    PageCreated,

    /// <summary>A page saved: <c>Update handboek/verlof</c>.</summary>
    PageEdited,

    /// <summary>A page deleted: <c>Delete handboek/verlof</c>.</summary>
    PageDeleted,

    /// <summary>A page moved: <c>Move a/b to c/d</c> (arguments: from, to).</summary>
    PageMoved,

    /// <summary>A page moved in from a space the reader may not see: <c>Move to c/d</c>.</summary>
    PageMovedIn,

    /// <summary>A page moved out to a space the reader may not see: <c>Move a/b elsewhere</c>.</summary>
    PageMovedOut,

    /// <summary>A page's text restored: <c>Revert a/b to 21aead4</c> (arguments: path, version).</summary>
    PageReverted,

    /// <summary>A deleted page brought back from the trash: <c>Restore a/b</c>.</summary>
    PageRestored,

    /// <summary>A task created: <c>Create ATL-7: title</c>.</summary>
    TaskCreated,

    /// <summary>A task changed: <c>Update ATL-7: title</c>.</summary>
    TaskEdited,

    /// <summary>A task deleted: <c>Delete ATL-7: title</c>.</summary>
    TaskDeleted,

    /// <summary>A card moved on the board: <c>ATL-7: todo → doing</c> (arguments: key, from, to).</summary>
    TaskStatusChanged,

    /// <summary>Documents uploaded: <c>Upload a.pdf, b.pdf</c>.</summary>
    DocumentsUploaded,

    /// <summary>A new version of a document: <c>New version of a.pdf</c>.</summary>
    DocumentNewVersion,

    /// <summary>An older version of a document restored: <c>Restore a.pdf to 21aead4</c> (arguments: name, version).</summary>
    DocumentRestored,

    /// <summary>A space created: <c>Create space atlas</c>.</summary>
    SpaceCreated,

    /// <summary>A space's settings saved: <c>Update space atlas</c>.</summary>
    SpaceEdited,

    /// <summary>The sample content of a new wiki: <c>Import the sample wiki</c>.</summary>
    SampleImported,
}

/// <summary>A recognised commit subject: the action and what the subject names (paths, keys, versions).</summary>
public sealed record CommitSubject(CommitAction Action, IReadOnlyList<string> Arguments);

/// <summary>
/// Recognises the subjects the wiki writes for its own commits (PageStore, TaskStore, DocumentStore,
/// SpaceStore, the seeder and the move messages shown to readers), so interfaces can say what happened in
/// the reader's language and keep the commit message as the detail. A subject a person wrote is not
/// recognised (null) and is shown as written. Page paths always hold a "/", which keeps "Update intro"
/// typed by a person from reading as the wiki's own message.
/// </summary>
public static partial class CommitSubjects
{
    private static readonly (Regex Pattern, CommitAction Action)[] Patterns =
    [
        (SampleImport(), CommitAction.SampleImported),
        (Space(), CommitAction.SpaceCreated),
        (SpaceUpdate(), CommitAction.SpaceEdited),
        (TaskStatus(), CommitAction.TaskStatusChanged),
        (TaskCreate(), CommitAction.TaskCreated),
        (TaskUpdate(), CommitAction.TaskEdited),
        (TaskDelete(), CommitAction.TaskDeleted),
        (Revert(), CommitAction.PageReverted),
        (PageRestore(), CommitAction.PageRestored),
        (Move(), CommitAction.PageMoved),
        (MoveIn(), CommitAction.PageMovedIn),
        (MoveOut(), CommitAction.PageMovedOut),
        (PageCreate(), CommitAction.PageCreated),
        (PageUpdate(), CommitAction.PageEdited),
        (PageDelete(), CommitAction.PageDeleted),
        (DocumentRestore(), CommitAction.DocumentRestored),
        (DocumentVersion(), CommitAction.DocumentNewVersion),
        (DocumentUpload(), CommitAction.DocumentsUploaded),
    ];

    /// <summary>What the first line of <paramref name="message"/> says the wiki did; null for a person's own message.</summary>
    public static CommitSubject? Parse(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var subject = message.Split('\n', 2)[0].Trim();
        foreach (var (pattern, action) in Patterns)
        {
            if (pattern.Match(subject) is { Success: true } match)
            {
                return new CommitSubject(action, match.Groups.Values.Skip(1).Select(g => g.Value).ToList());
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Import the sample wiki$")]
    private static partial Regex SampleImport();

    [GeneratedRegex(@"^Create space ([a-z0-9][a-z0-9-]*)$")]
    private static partial Regex Space();

    [GeneratedRegex(@"^Update space ([a-z0-9][a-z0-9-]*)$")]
    private static partial Regex SpaceUpdate();

    [GeneratedRegex(@"^([A-Z][A-Z0-9]*-\d+): (\S+) → (\S+)$")]
    private static partial Regex TaskStatus();

    [GeneratedRegex(@"^Create ([A-Z][A-Z0-9]*-\d+): .*$")]
    private static partial Regex TaskCreate();

    [GeneratedRegex(@"^Update ([A-Z][A-Z0-9]*-\d+): .*$")]
    private static partial Regex TaskUpdate();

    [GeneratedRegex(@"^Delete ([A-Z][A-Z0-9]*-\d+): .*$")]
    private static partial Regex TaskDelete();

    [GeneratedRegex(@"^Revert (\S+/\S+) to ([0-9a-f]{7,40})$")]
    private static partial Regex Revert();

    [GeneratedRegex(@"^Restore (\S+/\S+)$")]
    private static partial Regex PageRestore();

    [GeneratedRegex(@"^Move (\S+/\S+) to (\S+/\S+)$")]
    private static partial Regex Move();

    [GeneratedRegex(@"^Move to (\S+/\S+)$")]
    private static partial Regex MoveIn();

    [GeneratedRegex(@"^Move (\S+/\S+) elsewhere$")]
    private static partial Regex MoveOut();

    [GeneratedRegex(@"^Create (\S+/\S+)$")]
    private static partial Regex PageCreate();

    [GeneratedRegex(@"^Update (\S+/\S+)$")]
    private static partial Regex PageUpdate();

    [GeneratedRegex(@"^Delete (\S+/\S+)$")]
    private static partial Regex PageDelete();

    [GeneratedRegex(@"^Restore (.+) to ([0-9a-f]{7,40})$")]
    private static partial Regex DocumentRestore();

    [GeneratedRegex(@"^New version of (.+)$")]
    private static partial Regex DocumentVersion();

    [GeneratedRegex(@"^Upload (.+)$")]
    private static partial Regex DocumentUpload();
}
