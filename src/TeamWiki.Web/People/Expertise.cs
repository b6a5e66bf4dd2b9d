using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Conversation;
using TeamWiki.Web.Items;
using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.People;

/// <summary>One reason someone ranks for a topic.</summary>
/// <param name="What">"wrote", "edited", "tagged", "answered", "replied", "shared" or "topic".</param>
/// <param name="Title">The page, task, document or question.</param>
/// <param name="Url">Where it is.</param>
/// <param name="Points">What it added to the score.</param>
public sealed record Evidence(string What, string Title, string Url, double Points);

/// <summary>A colleague who knows about a topic, with the evidence.</summary>
public sealed record Expert(Person Person, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// "Who knows about …?": ranks colleagues by what they did on the topic, everything the viewer may see.
/// Pages, tasks and documents are found with the search index (Dutch stemming and compounds); each
/// person scores for the ones they created (3), edited (1 per edit, at most 3 per item) and that carry
/// the topic as a tag (+2 when they contributed). Posts and replies are matched with the same Dutch
/// analysis: a reply marked as the answer to a question on the topic scores 5, another reply 1, sharing a
/// post 1; asking a question scores nothing (not knowing is why people ask). An "ask me about" topic that
/// matches adds 4.
/// </summary>
public sealed class Expertise(
    ISearchIndex index,
    WikiAnalyzers analyzers,
    SpaceAccess access,
    PeopleDirectory people,
    Discussions discussions,
    ConversationText text,
    IDbContextFactory<TeamWikiDbContext> contexts,
    HistoryIndex history)
{
    /// <summary>Search hits considered per question.</summary>
    public const int HitsConsidered = 50;

    /// <summary>The people who know most about <paramref name="topic"/>, best first.</summary>
    public async Task<IReadOnlyList<Expert>> WhoKnowsAsync(ClaimsPrincipal viewer, string topic, int max = 10)
    {
        topic = (topic ?? "").Trim();
        if (topic.Length == 0 || viewer.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        topic = topic.Length > 100 ? topic[..100] : topic;
        var visible = access.VisibleSpaces(viewer);
        var scores = new Dictionary<string, List<Evidence>>();
        void Add(string? userId, Evidence e)
        {
            if (userId is null)
            {
                return;
            }

            if (!scores.TryGetValue(userId, out var list))
            {
                scores[userId] = list = [];
            }

            list.Add(e);
        }

        var tag = FrontMatter.NormaliseTag(topic);
        var hits = index.Search(new SearchRequest(topic, HitsConsidered, 0, VisibleSpaces: visible)).Items;
        await using var db = await contexts.CreateDbContextAsync();
        var items = hits.Select(h => (Hit: h, Item: ItemKinds.FromName(h.Kind) is { } kind && ItemRef.Normalise(kind, h.Path) is { } id ? new ItemRef(kind, id) : (ItemRef?)null))
            .Where(h => h.Item is not null).Select(h => (h.Hit, Item: h.Item!.Value)).ToList();
        if (items.Count > 0)
        {
            // Who created and edited each item: the history index's lines of those items, by the person whose e-mail wrote them.
            var authors = ContentActivity.ByEmail(await people.AllAsync());
            var events = history.Activity(new ActivityFilter(Items: items.Select(i => i.Item).ToList()), int.MaxValue)
                .Select(l => (l.Item, UserId: authors.GetValueOrDefault(l.Commit.AuthorEmail)?.Id, Action: l.Kind))
                .Where(e => e.UserId is not null).ToList();
            foreach (var (hit, item) in items)
            {
                var url = ItemLinks.For(item);
                var tagged = hit.Tags.Contains(tag);
                foreach (var byUser in events.Where(e => e.Item == item).GroupBy(e => e.UserId))
                {
                    if (byUser.Any(e => e.Action == ChangeKind.Added))
                    {
                        Add(byUser.Key, new Evidence("wrote", hit.Title, url, 3));
                    }

                    var edits = byUser.Count(e => e.Action == ChangeKind.Modified);
                    if (edits > 0)
                    {
                        Add(byUser.Key, new Evidence("edited", hit.Title, url, Math.Min(edits, 3)));
                    }

                    if (tagged)
                    {
                        Add(byUser.Key, new Evidence("tagged", hit.Title, url, 2));
                    }
                }
            }
        }

        await ConversationAsync(db, viewer, topic, Add);

        var all = await people.VisibleToAsync(viewer);
        var topicTerms = analyzers.DutchTerms(topic, withParts: false);
        foreach (var person in all.Where(p => p.Topics.Any(t => string.Equals(t, topic, StringComparison.OrdinalIgnoreCase) || analyzers.DutchTerms(t, withParts: true).Overlaps(topicTerms))))
        {
            Add(person.Id, new Evidence("topic", string.Join(", ", person.Topics), person.Url, 4));
        }

        var visiblePeople = all.ToDictionary(p => p.Id);
        return scores.Where(s => visiblePeople.ContainsKey(s.Key))
            .Select(s => new Expert(visiblePeople[s.Key], s.Value.Sum(e => e.Points), s.Value.OrderByDescending(e => e.Points).Take(6).ToList()))
            .OrderByDescending(e => e.Score).ThenBy(e => e.Person.Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(max).ToList();
    }

    private async Task ConversationAsync(TeamWikiDbContext db, ClaimsPrincipal viewer, string topic, Action<string?, Evidence> add)
    {
        var wanted = analyzers.DutchTerms(topic, withParts: false);
        if (wanted.Count == 0)
        {
            return;
        }

        // Cheap first pass in the database (a stem is nearly always the start of the words it stands for),
        // then the real Dutch analysis on the few candidates.
        var stems = wanted.ToList();
        var candidates = await db.Posts.AsNoTracking().Include(p => p.Replies)
            .Where(p => p.DeletedAt == null)
            .Where(p => stems.Any(s => p.Markdown.ToLower().Contains(s) || p.Tags.Contains(s)) || p.Replies.Any(r => r.DeletedAt == null && stems.Any(s => r.Markdown.ToLower().Contains(s))))
            .OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync();
        foreach (var post in candidates.Where(p => discussions.CanRead(viewer, p.SpaceKey)))
        {
            var title = Notifications.Notifier.Cut(text.Plain(post.Markdown), 80);
            var url = $"/posts/{post.Id}";
            var postMatches = Overlaps(post.Markdown + " " + post.Tags);
            // Asking is not evidence of knowing: a question's author scores nothing for it.
            if (postMatches && !post.IsQuestion)
            {
                add(post.AuthorId, new Evidence("shared", title, url, 1));
            }

            foreach (var reply in post.Replies.Where(r => r.DeletedAt == null && r.AuthorId != post.AuthorId))
            {
                if (!postMatches && !Overlaps(reply.Markdown))
                {
                    continue;
                }

                add(reply.AuthorId, post.AnswerReplyId == reply.Id
                    ? new Evidence("answered", title, $"{url}#reply-{reply.Id}", 5)
                    : new Evidence("replied", title, $"{url}#reply-{reply.Id}", 1));
            }
        }

        bool Overlaps(string text) => analyzers.DutchTerms(text, withParts: true).Overlaps(wanted);
    }
}
