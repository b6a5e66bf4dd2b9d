using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Items;

namespace TeamWiki.Web.Notifications;

/// <summary>Checks what someone asks to watch: it must exist and be visible to them.</summary>
public sealed class WatchTargets(IContentCatalog catalog, SpaceAccess access, IDbContextFactory<TeamWikiDbContext> contexts)
{
    /// <summary>The canonical target, or null.</summary>
    public async Task<string?> ResolveAsync(ClaimsPrincipal user, string? target)
    {
        if (string.IsNullOrWhiteSpace(target) || user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (Watches.ParsePostTarget(target) is { } postId)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.SpaceKey }).FirstOrDefaultAsync();
            return post is not null && access.CanReadStream(user, post.SpaceKey) ? Watches.PostTarget(postId) : null;
        }

        if (!ItemRef.TryParse(target, out var item))
        {
            return null;
        }

        if (item.Kind == ItemKind.Space)
        {
            return catalog.Current.FindSpace(item.Id) is not null && access.CanRead(user, item.Id) ? Watches.Target(item) : null;
        }

        var resolved = ItemTarget.Resolve(item, catalog.Current);
        return resolved is not null && access.CanRead(user, resolved.Space) ? resolved.Value : null;
    }
}
