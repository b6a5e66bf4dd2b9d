using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Auth;

/// <summary>The outcome of creating an account: the user, or why not.</summary>
public sealed record AccountResult(WikiUser? User, IReadOnlyList<string> Errors, bool Duplicate = false)
{
    /// <summary>True when the account was created.</summary>
    public bool Succeeded => User is not null;
}

/// <summary>Creates, disables and lists accounts (the admin's work, and the setup page's).</summary>
public sealed class UserAccounts(UserManager<WikiUser> users, RoleManager<IdentityRole> roles, SetupState setup, People.PeopleDirectory directory)
{
    /// <summary>Longest display name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Creates an account; the first admin is created the same way with <paramref name="admin"/> set.</summary>
    public async Task<AccountResult> CreateAsync(string? email, string? name, string? password, bool admin = false, bool guest = false)
    {
        email = email?.Trim() ?? "";
        name = name?.Trim() ?? "";
        var errors = new List<string>();
        if (email.Length == 0 || !email.Contains('@') || email.Length > 256)
        {
            errors.Add("A valid e-mail address is required.");
        }

        if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add($"The name must be at most {MaxNameLength} characters of text.");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("A password is required.");
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return new AccountResult(null, ["An account with this e-mail address already exists."], Duplicate: true);
        }

        var user = new WikiUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Length > 0 ? name : email[..email.IndexOf('@')],
            Handle = await FreeHandleAsync(email),
            IsGuest = guest && !admin,
        };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return new AccountResult(null, created.Errors.Select(e => e.Description).ToList());
        }

        if (admin)
        {
            if (!await roles.RoleExistsAsync(WikiClaims.AdminRole))
            {
                await roles.CreateAsync(new IdentityRole(WikiClaims.AdminRole));
            }

            await users.AddToRoleAsync(user, WikiClaims.AdminRole);
        }

        setup.UserCreated();
        directory.Invalidate();
        return new AccountResult(user, []);
    }

    /// <summary>Disables or enables an account. A disabled account cannot sign in or use tokens, and its sessions end.</summary>
    public async Task<bool> SetDisabledAsync(string userId, bool disabled)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        user.DisabledAt = disabled ? user.DisabledAt ?? DateTimeOffset.UtcNow : null;
        await users.UpdateAsync(user);
        // A new security stamp invalidates existing sign-in cookies at their next validation.
        await users.UpdateSecurityStampAsync(user);
        directory.Invalidate();
        return true;
    }

    /// <summary>All accounts, by name.</summary>
    public async Task<IReadOnlyList<(WikiUser User, bool IsAdmin)>> ListAsync()
    {
        var admins = (await users.GetUsersInRoleAsync(WikiClaims.AdminRole)).Select(u => u.Id).ToHashSet();
        var all = await users.Users.AsNoTracking().ToListAsync();
        return all.OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(u => (u, admins.Contains(u.Id))).ToList();
    }

    /// <summary>A user by id, handle (with or without @) or e-mail address; null when none.</summary>
    public async Task<WikiUser?> FindAsync(string? who)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            return null;
        }

        var key = who.Trim().TrimStart('@');
        return await users.FindByIdAsync(key)
            ?? (key.Contains('@') ? await users.FindByEmailAsync(key) : await users.Users.FirstOrDefaultAsync(u => u.Handle == key.ToLowerInvariant()));
    }

    /// <summary>Accounts by id, for showing names next to memberships.</summary>
    public async Task<IReadOnlyDictionary<string, WikiUser>> ByIdsAsync(IEnumerable<string> ids)
    {
        var set = ids.ToList();
        return await users.Users.AsNoTracking().Where(u => set.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
    }

    /// <summary>The first admin, or null.</summary>
    public async Task<WikiUser?> FirstAdminAsync() =>
        (await users.GetUsersInRoleAsync(WikiClaims.AdminRole)).OrderBy(u => u.CreatedAt).FirstOrDefault();

    private async Task<string> FreeHandleAsync(string email)
    {
        var local = Slug.From(email[..email.IndexOf('@')].Replace('.', '-').Replace('_', '-'));
        var handle = local.Length > 0 ? local[..Math.Min(local.Length, 40)] : "user";
        var candidate = handle;
        for (var n = 2; await users.Users.AnyAsync(u => u.Handle == candidate); n++)
        {
            candidate = handle + n;
        }

        return candidate;
    }
}
