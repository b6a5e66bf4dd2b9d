using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Activity;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Insights;

/// <summary>
/// Computes <see cref="InsightsReport"/>s from the content activity of the history index (the lines the
/// activity feeds show), the last changes of today's pages and the conversation tables, records searches
/// that found nothing, and writes the figures as CSV. Space owners see their space's figures, admins
/// every space's and the whole wiki's.
/// </summary>
public sealed class InsightsService(
    IDbContextFactory<TeamWikiDbContext> contexts,
    IContentCatalog catalog,
    SpaceAccess access,
    TimeProvider time,
    HistoryIndex history,
    LastChangeCache lastChanges,
    PeopleDirectory people)
{
    /// <summary>A page unchanged for this many days counts as stale.</summary>
    public const int StaleAfterDays = 180;

    /// <summary>Longest period shown.</summary>
    public const int MaxWeeks = 52;

    /// <summary>True when <paramref name="user"/> may see the insights of <paramref name="space"/> (null: the whole wiki).</summary>
    public bool MaySee(ClaimsPrincipal user, string? space) =>
        user.IsAdmin() || (space is not null && catalog.Current.FindSpace(space) is not null && access.For(user, space).Manage);

    /// <summary>
    /// Remembers a search by <paramref name="user"/> that found nothing (a knowledge gap). Only staff
    /// searches count: a guest or an anonymous visitor sees a small part of the wiki, so their misses are
    /// not gaps in it, and their words must not reach the owners' insights. A space filter is kept only
    /// when the searcher may read that space.
    /// </summary>
    public async Task RecordMissAsync(ClaimsPrincipal user, string query, string? space)
    {
        if (user.Identity?.IsAuthenticated != true || user.IsGuest())
        {
            return;
        }

        space = string.IsNullOrWhiteSpace(space) ? null : access.ReadableSpace(user, space)?.Key;
        var text = string.Join(' ', (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (text.Length is 0 or > 200)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync();
        db.SearchMisses.Add(new SearchMiss { Query = text, SpaceKey = space, At = time.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    /// <summary>The figures for the last <paramref name="weeks"/> weeks (this one included).</summary>
    public async Task<InsightsReport> ReportAsync(string? space, int weeks = 12)
    {
        weeks = Math.Clamp(weeks, 1, MaxWeeks);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var from = monday.AddDays(-7 * (weeks - 1));
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        await using var db = await contexts.CreateDbContextAsync();
        var all = space is null;
        // A contributor is a person when the commit's e-mail address is someone's, else that address.
        var authors = ContentActivity.ByEmail(await people.AllAsync());
        var events = history.Activity(new ActivityFilter(all ? null : [space!], Since: since), int.MaxValue)
            .Select(l => new { l.Item.Kind, Action = l.Kind, At = l.Commit.When, Who = authors.GetValueOrDefault(l.Commit.AuthorEmail)?.Id ?? l.Commit.AuthorEmail.ToLowerInvariant() })
            .ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => p.DeletedAt == null && p.CreatedAt >= since && (all || p.SpaceKey == space))
            .Select(p => new { p.Id, p.AuthorId, p.CreatedAt, p.IsQuestion, p.AnswerReplyId, p.Tags }).ToListAsync();
        var replies = await db.Replies.AsNoTracking().Where(r => r.DeletedAt == null && (all || r.Post!.SpaceKey == space) && (r.CreatedAt >= since || r.Post!.CreatedAt >= since))
            .Select(r => new { r.PostId, r.AuthorId, r.CreatedAt, Asker = r.Post!.AuthorId, r.Post.IsQuestion, QuestionAt = r.Post.CreatedAt }).ToListAsync();
        var comments = await db.Comments.AsNoTracking().Where(c => c.DeletedAt == null && c.CreatedAt >= since && (all || c.SpaceKey == space))
            .Select(c => new { c.AuthorId, c.CreatedAt }).ToListAsync();

        DateOnly WeekOf(DateTimeOffset at)
        {
            var d = DateOnly.FromDateTime(at.UtcDateTime);
            return d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
        }

        var answers = replies.Where(r => r.IsQuestion && r.AuthorId != r.Asker && r.CreatedAt >= since).ToList();
        var contributions = events.Where(e => e.Action != ChangeKind.Deleted).Select(e => (e.Who, e.At))
            .Concat(posts.Select(p => (Who: p.AuthorId, At: p.CreatedAt)))
            .Concat(replies.Where(r => r.CreatedAt >= since).Select(r => (Who: r.AuthorId, At: r.CreatedAt)))
            .Concat(comments.Select(c => (Who: c.AuthorId, At: c.CreatedAt))).ToList();
        var weekRows = Enumerable.Range(0, weeks).Select(i => from.AddDays(7 * i)).Select(w => new WeekFigures(
            w,
            events.Count(e => e.Kind == ItemKind.Page && e.Action == ChangeKind.Added && WeekOf(e.At) == w),
            events.Count(e => e.Kind == ItemKind.Page && e.Action == ChangeKind.Modified && WeekOf(e.At) == w),
            posts.Count(p => WeekOf(p.CreatedAt) == w),
            answers.Count(a => WeekOf(a.CreatedAt) == w),
            contributions.Where(c => WeekOf(c.At) == w).Select(c => c.Who).Distinct().Count())).ToList();

        var questions = posts.Where(p => p.IsQuestion).ToList();
        var firstAnswers = questions.Select(q => replies.Where(r => r.PostId == q.Id && r.AuthorId != q.AuthorId).OrderBy(r => r.CreatedAt).FirstOrDefault() is { } first
                ? (first.CreatedAt - q.CreatedAt).TotalHours
                : (double?)null)
            .OfType<double>().Order().ToList();
        double? median = firstAnswers.Count == 0 ? null
            : firstAnswers.Count % 2 == 1 ? firstAnswers[firstAnswers.Count / 2]
            : (firstAnswers[firstAnswers.Count / 2 - 1] + firstAnswers[firstAnswers.Count / 2]) / 2;

        var snapshot = catalog.Current;
        var pages = all ? snapshot.Pages : snapshot.InSpace(space!);
        var tags = pages.SelectMany(p => p.Tags).Concat(posts.SelectMany(p => p.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .GroupBy(t => t).Select(g => new TagCount(g.Key, g.Count())).OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal).Take(15).ToList();

        var gaps = (await db.SearchMisses.AsNoTracking().Where(m => m.At >= since && (all || m.SpaceKey == space)).Select(m => new { m.Query, m.At }).ToListAsync())
            .GroupBy(m => m.Query).Select(g => new KnowledgeGap(g.Key, g.Count(), g.Max(m => m.At)))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Last).Take(20).ToList();

        // Each page's last change from the history index (kept in memory between reports, dropped per commit).
        var pageList = pages.ToList();
        var lastChanged = lastChanges.Of(pageList.Select(p => new GitEntry(p.Path.FilePath, p.BlobId)).ToList());
        var staleBefore = now.AddDays(-StaleAfterDays);
        var stale = pageList.Select(p => (Page: p, Last: lastChanged.GetValueOrDefault(p.Path.FilePath)?.When))
            .Where(x => x.Last < staleBefore).OrderBy(x => x.Last).Take(25)
            .Select(x => new StalePage(x.Page.Path.Value, x.Page.Title, x.Last!.Value)).ToList();

        return new InsightsReport(space, from, weekRows, contributions.Select(c => c.Who).Distinct().Count(),
            questions.Count, questions.Count(q => replies.Any(r => r.PostId == q.Id && r.AuthorId != q.AuthorId)), questions.Count(q => q.AnswerReplyId is not null),
            median, tags, gaps, stale);
    }

    /// <summary>The report as CSV (RFC 4180): one table, <paramref name="table"/> = weeks (default), tags, gaps, stale or summary.</summary>
    public static string Csv(InsightsReport report, string? table)
    {
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        switch (table)
        {
            case "tags":
                Row("tag", "count");
                report.TopTags.ToList().ForEach(t => Row(t.Tag, t.Count));
                break;
            case "gaps":
                Row("query", "count", "last");
                report.Gaps.ToList().ForEach(g => Row(g.Query, g.Count, g.Last));
                break;
            case "stale":
                Row("path", "title", "last_changed");
                report.Stale.ToList().ForEach(s => Row(s.Path, s.Title, s.LastChanged));
                break;
            case "summary":
                Row("figure", "value");
                Row("active_contributors", report.ActiveContributors);
                Row("questions_asked", report.QuestionsAsked);
                Row("questions_answered", report.QuestionsAnswered);
                Row("questions_marked", report.QuestionsMarked);
                Row("median_hours_to_first_answer", report.MedianHoursToFirstAnswer);
                break;
            default:
                Row("week", "pages_created", "page_edits", "posts", "answers", "contributors");
                report.Weeks.ToList().ForEach(w => Row(w.Week, w.PagesCreated, w.PageEdits, w.Posts, w.Answers, w.Contributors));
                break;
        }

        return csv.ToString();
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            double x => x.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Cells starting with = + - @ would run as formulas in a spreadsheet.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && value is string)
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
