using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Conversation;

namespace TeamWiki.Web.Notifications;

/// <summary>Checks what someone asks to watch: it must exist and be visible to them.</summary>
public sealed class WatchTargets(IContentCatalog catalog, SpaceAccess access, Discussions discussions, IDbContextFactory<TeamWikiDbContext> contexts)
{
    /// <summary>The canonical target, or null.</summary>
    public async Task<string?> ResolveAsync(ClaimsPrincipal user, string? target)
    {
        if (string.IsNullOrWhiteSpace(target) || user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (target.StartsWith("space:", StringComparison.OrdinalIgnoreCase))
        {
            var key = target[6..].Trim().ToLowerInvariant();
            return catalog.Current.FindSpace(key) is not null && access.CanRead(user, key) ? "space:" + key : null;
        }

        if (target.StartsWith("post:", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(target[5..], out var id))
            {
                return null;
            }

            await using var db = await contexts.CreateDbContextAsync();
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.SpaceKey }).FirstOrDefaultAsync();
            return post is not null && discussions.CanRead(user, post.SpaceKey) ? $"post:{id}" : null;
        }

        var resolved = ConversationTarget.Resolve(target, catalog.Current);
        return resolved is not null && access.CanRead(user, resolved.Space) ? resolved.Value : null;
    }
}
