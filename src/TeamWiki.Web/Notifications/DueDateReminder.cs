using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Items;
using TeamWiki.Web.People;
using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// Reminds assignees of open tasks due today or tomorrow, once per task and due date (a dedupe key),
/// checked every half hour.
/// </summary>
public sealed class DueDateReminder(IContentCatalog catalog, PeopleDirectory people, Notifier notifier, TimeProvider time, ILogger<DueDateReminder> logger)
    : Hosting.PeriodicWorker(TimeSpan.FromMinutes(30), time, logger)
{
    /// <inheritdoc />
    protected override string Work => "Due date reminders";

    /// <inheritdoc />
    protected override Task RunOnceAsync(CancellationToken ct) => RemindAsync(ct);

    /// <summary>Sends the reminders that are due; returns how many people were reminded.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        var snapshot = catalog.Current;
        var all = await people.AllAsync(ct);
        var count = 0;
        foreach (var task in snapshot.Tasks.Where(t => t.Due is { } due && due >= today && due <= today.AddDays(1) && t.Assignee is not null))
        {
            var space = snapshot.FindSpace(task.Space);
            if (space is null || task.Status == space.DoneStatus || space.Archived)
            {
                continue;
            }

            var assignee = all.Where(p => p.Handle == task.Assignee).Select(p => p.Id);
            count += (await notifier.SendAsync(assignee, new NotificationDraft(NotificationKinds.DueSoon, null, "TeamWiki", $"{task.Key} {task.Title}",
                task.Due!.Value.ToString("yyyy-MM-dd"), ItemLinks.For(PageDocuments.TaskKind, task.Key), task.Space, $"due:{task.Key}:{task.Due:yyyy-MM-dd}"), ct)).Count;
        }

        return count;
    }
}
