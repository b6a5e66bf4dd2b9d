using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Drafts;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Pages;

/// <summary>
/// Someone's unsaved text of a page (<see cref="PageDraft"/>), kept by the editor every few seconds while
/// it changes and removed when the page is saved or the draft discarded. Who may keep a draft of which
/// page is decided by the callers through <c>SpaceAccess</c>; this only stores it, always per person.
/// </summary>
public sealed class PageDrafts(IDbContextFactory<TeamWikiDbContext> contexts)
{
    /// <summary>
    /// Drafts kept per person: a new one beyond this forgets that person's oldest, so what one account can
    /// store is bounded (this many times the page size limit) however many addresses it makes up.
    /// </summary>
    public const int MaxPerPerson = 50;

    /// <summary>The person's draft of the page, or null.</summary>
    public async Task<PageDraft?> GetAsync(string userId, PagePath path)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.PageDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Path == path.Value);
    }

    /// <summary>Writes the person's draft of the page (replacing an earlier one), also when two writes of it race.</summary>
    public async Task SaveAsync(string userId, PagePath path, string markdown, string? title, string? baseRevision)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var draft = await db.PageDrafts.FirstOrDefaultAsync(d => d.UserId == userId && d.Path == path.Value);
            if (draft is null)
            {
                draft = new PageDraft { UserId = userId, Path = path.Value };
                db.PageDrafts.Add(draft);
                await ForgetOldestAsync(db, userId);
            }

            draft.Markdown = markdown;
            draft.Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim()[..Math.Min(title.Trim().Length, 400)];
            draft.BaseRevision = baseRevision;
            draft.Saved = DateTimeOffset.UtcNow;
            // A second tab inserted the same draft first: write over it in the next round.
            if (await db.SaveUnlessDuplicateAsync() || attempt == 2)
            {
                return;
            }
        }
    }

    private static async Task ForgetOldestAsync(TeamWikiDbContext db, string userId)
    {
        var kept = await db.PageDrafts.CountAsync(d => d.UserId == userId);
        if (kept >= MaxPerPerson)
        {
            var oldest = await db.PageDrafts.Where(d => d.UserId == userId).OrderBy(d => d.Saved).Take(kept - MaxPerPerson + 1).ToListAsync();
            db.PageDrafts.RemoveRange(oldest);
        }
    }

    /// <summary>Removes the person's draft of the page, if any.</summary>
    public async Task DeleteAsync(string userId, PagePath path)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.PageDrafts.Where(d => d.UserId == userId && d.Path == path.Value).ExecuteDeleteAsync();
    }
}
