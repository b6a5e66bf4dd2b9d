using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Everyone with an account, as a small in-memory list (reloaded when an account or profile changes):
/// the directory, @mention lookups, and a principal per person so notifications can ask
/// <see cref="SpaceAccess"/> what the recipient may see.
/// </summary>
public sealed class PeopleDirectory(IDbContextFactory<TeamWikiDbContext> contexts, SpaceMembers members, SpaceAccess access)
{
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<Person> All, IReadOnlyDictionary<string, Person> ById);

    /// <summary>Everyone, by name.</summary>
    public async Task<IReadOnlyList<Person>> AllAsync(CancellationToken ct = default) => (await LoadAsync(ct)).All;

    /// <summary>Everyone by id.</summary>
    public async Task<IReadOnlyDictionary<string, Person>> ByIdsAsync() => (await LoadAsync(default)).ById;

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        if (_snapshot is { } cached)
        {
            return cached;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var admins = (await db.UserRoles.Join(db.Roles.Where(r => r.Name == WikiClaims.AdminRole), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).ToListAsync(ct)).ToHashSet();
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var all = users.Select(u => ToPerson(u, admins.Contains(u.Id))).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var snapshot = new Snapshot(all, all.ToDictionary(p => p.Id));
        _snapshot = snapshot;
        return snapshot;
    }

    /// <summary>Raised after <see cref="Invalidate"/>: someone's account or profile changed (the search index follows).</summary>
    public event Action? Changed;

    /// <summary>Forgets the cached list (after an account or profile change).</summary>
    public void Invalidate()
    {
        _snapshot = null;
        Changed?.Invoke();
    }

    /// <summary>A person by handle (with or without @), case-insensitive.</summary>
    public async Task<Person?> ByHandleAsync(string? handle) =>
        string.IsNullOrWhiteSpace(handle) ? null : (await AllAsync()).FirstOrDefault(p => string.Equals(p.Handle, handle.Trim().TrimStart('@'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The ids of the people with these handles (unknown handles are skipped).</summary>
    public async Task<List<string>> IdsOfHandlesAsync(IEnumerable<string> handles)
    {
        var wanted = handles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (await AllAsync()).Where(p => wanted.Contains(p.Handle)).Select(p => p.Id).ToList();
    }

    /// <summary>A person by commit e-mail address.</summary>
    public async Task<Person?> ByEmailAsync(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : (await AllAsync()).FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The people <paramref name="viewer"/> may see: the one rule behind the directory, profiles, photos,
    /// mention autocomplete and "who knows". Staff see every active account; a guest sees only the
    /// members of the spaces they may open (the ones they were invited to); nobody else sees anyone.
    /// </summary>
    public async Task<IReadOnlyList<Person>> VisibleToAsync(ClaimsPrincipal viewer)
    {
        var all = (await AllAsync()).Where(p => p.IsActive).ToList();
        if (viewer.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        if (!viewer.IsGuest())
        {
            return all;
        }

        var spaces = access.VisibleSpaces(viewer) ?? [];
        var shared = spaces.SelectMany(members.Of).Select(m => m.UserId).ToHashSet();
        return all.Where(p => shared.Contains(p.Id)).ToList();
    }

    /// <summary>True when <paramref name="viewer"/> may see <paramref name="person"/> in the directory.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal viewer, Person person) =>
        (await VisibleToAsync(viewer)).Any(p => p.Id == person.Id);

    /// <summary>
    /// The person with this handle when <paramref name="viewer"/> may see them; null both when nobody has
    /// the handle and when the viewer may not see them (profile pages, photos, the API, activity filters).
    /// </summary>
    public async Task<Person?> VisibleByHandleAsync(ClaimsPrincipal viewer, string? handle) =>
        await ByHandleAsync(handle) is { } person && await CanSeeAsync(viewer, person) ? person : null;

    /// <summary>A principal with the person's id, role and guest flag: what access checks need to know about a recipient.</summary>
    public static ClaimsPrincipal PrincipalOf(Person person)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id),
            new(ClaimTypes.Email, person.Email),
            new(WikiClaims.DisplayName, person.Name),
            new(WikiClaims.Handle, person.Handle),
        };
        if (person.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, WikiClaims.AdminRole));
        }

        if (person.IsGuest)
        {
            claims.Add(new Claim(WikiClaims.Guest, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "teamwiki-recipient"));
    }

    private static Person ToPerson(WikiUser u, bool admin) =>
        new(u.Id, u.DisplayName, u.Handle, u.Email ?? "", u.Team, u.JobTitle, u.Topics, u.IsGuest, admin, u.IsActive, u.PhotoUpdatedAt);
}
