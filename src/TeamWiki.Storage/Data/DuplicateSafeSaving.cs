using Microsoft.EntityFrameworkCore;

namespace TeamWiki.Storage.Data;

/// <summary>
/// Inserts that may race with the same insert from a second request (a double click, two tabs, a retry).
/// The database's unique index decides who wins; the loser learns that the row is there and goes on as if
/// it had written it, instead of failing with a 500.
/// </summary>
public static class DuplicateSafeSaving
{
    /// <summary>
    /// Saves the pending changes. Returns false, with nothing saved and the pending changes dropped, when a
    /// unique index or primary key already holds one of the new rows (see <see cref="DatabaseErrors.IsUniqueViolation"/>).
    /// Other failures are thrown as usual.
    /// </summary>
    public static async Task<bool> SaveUnlessDuplicateAsync(this DbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // SaveChanges ran in its own transaction, so nothing of this batch was written; the entries
            // would be sent again by the next SaveChanges of this context.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
