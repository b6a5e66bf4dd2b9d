using TeamWiki.Storage.Changes;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Items;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Activity;

/// <summary>
/// What changed in the wiki's content, as lines of the activity feeds (<see cref="FeedItem"/>, the one
/// line model of the activity page, the person page, <c>/api/activity</c> and the space page): read from
/// the history index's activity lines, which the change feed keeps current. A move is the old item
/// deleted in its space and the new one created in its own. The author of a line is the person whose
/// e-mail address the commit carries (the wiki writes the signed-in person's), else the commit's name.
/// </summary>
public sealed class ContentActivity(HistoryIndex history, IContentCatalog catalog, PeopleDirectory people)
{
    /// <summary>
    /// The newest content lines, at most <paramref name="max"/>: of <paramref name="spaces"/> (null: every
    /// space), of <paramref name="kind"/> when given, written by <paramref name="actor"/> when given. Messages
    /// about moves name only paths in spaces <paramref name="canRead"/> allows.
    /// </summary>
    public async Task<IReadOnlyList<FeedItem>> NewestAsync(IReadOnlyCollection<string>? spaces, ItemKind? kind, Person? actor, int max, Func<string, bool> canRead)
    {
        if (actor is { Email.Length: 0 })
        {
            return [];
        }

        var lines = history.Activity(new ActivityFilter(spaces, kind, actor?.Email), max);
        var authors = ByEmail(await people.AllAsync());
        var snapshot = catalog.Current;
        return lines.Select(line =>
        {
            var commit = line.Commit;
            var person = authors.GetValueOrDefault(commit.AuthorEmail);
            return new FeedItem(line.Item.Kind.Name(), ActionOf(line.Kind), Notifier.Cut(TitleOf(line.Item, line.Path, snapshot), 300),
                line.Kind == ChangeKind.Deleted ? null : ItemLinks.For(line.Item), line.Space,
                person?.Name ?? Notifier.Cut(commit.AuthorName, 200), person?.Handle, commit.When,
                Auth.MoveMessages.ForReader(Notifier.Cut(commit.Subject, 300), canRead));
        }).ToList();
    }

    /// <summary>The latest changes in a space, newest first, runs of edits folded (the space page).</summary>
    public async Task<IReadOnlyList<FeedItem>> InSpaceAsync(string space, int max, Func<string, bool> canRead) =>
        FeedGrouping.Collapse(await NewestAsync([space], null, null, max * 4, canRead)).Take(max).ToList();

    /// <summary>
    /// Everyone by the e-mail address their commits carry (case-insensitive); of two accounts with one
    /// address, the first by name, as <see cref="PeopleDirectory.ByEmailAsync"/> answers.
    /// </summary>
    public static IReadOnlyDictionary<string, Person> ByEmail(IReadOnlyList<Person> everyone)
    {
        var map = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in everyone.Where(p => p.Email.Length > 0))
        {
            map.TryAdd(person.Email, person);
        }

        return map;
    }

    /// <summary>The feed's word for a line: "created", "edited" or "deleted".</summary>
    public static string ActionOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "created",
        ChangeKind.Deleted => "deleted",
        _ => "edited",
    };

    /// <summary>
    /// An item's title today: a page's (or its name as words when it is gone), a task's key and title (its
    /// key alone when gone), a document's file name.
    /// </summary>
    public static string TitleOf(ItemRef item, string path, ContentSnapshot snapshot)
    {
        switch (item.Kind)
        {
            case ItemKind.Page:
                return snapshot.Find(PagePath.Parse(item.Id))?.Title ?? PageTitles.FromSlug(item.Id[(item.Id.LastIndexOf('/') + 1)..]);
            case ItemKind.Task:
                var found = snapshot.FindTask(item.Id);
                return found is null ? item.Id : $"{item.Id} {found.Title}";
            case ItemKind.Document:
                return path[(path.LastIndexOf('/') + 1)..];
            default:
                return snapshot.FindSpace(item.Id)?.Name ?? item.Id;
        }
    }
}
