using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.People;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>The outcome of creating an account: the user, or why not.</summary>
/// <param name="User">The new account, or null.</param>
/// <param name="Errors">Why not, in English.</param>
/// <param name="Duplicate">The address is taken (or, with <paramref name="AlreadySetUp"/>, the administrator exists).</param>
/// <param name="AlreadySetUp">The first administrator was not made because an administrator exists.</param>
public sealed record AccountResult(WikiUser? User, IReadOnlyList<string> Errors, bool Duplicate = false, bool AlreadySetUp = false)
{
    /// <summary>True when the account was created.</summary>
    public bool Succeeded => User is not null;
}

/// <summary>Creates, disables and lists accounts (the admin's work, and the setup page's).</summary>
public sealed class UserAccounts(UserManager<WikiUser> users, RoleManager<IdentityRole> roles, TeamWikiDbContext db, SetupState setup, TeamWiki.Web.Accounts.PeopleDirectory directory)
{
    /// <summary>Longest display name.</summary>
    public const int MaxNameLength = 100;

    // Two accounts made at once from "anna@a.example" and "anna@b.example" both find "anna" free; the
    // unique index lets one have it and the other takes the next free handle (see FreeHandleAsync).
    private const int HandleAttempts = 10;

    /// <summary>
    /// Creates an account. Safe to call twice at once with the same address: one call creates it, the
    /// other answers <see cref="AccountResult.Duplicate"/>.
    /// </summary>
    public async Task<AccountResult> CreateAsync(string? email, string? name, string? password, bool admin = false, bool guest = false)
    {
        email = email?.Trim() ?? "";
        name = name?.Trim() ?? "";
        if (Validate(email, name, password) is { Count: > 0 } errors)
        {
            return new AccountResult(null, errors);
        }

        string? passwordHash = null;
        for (var attempt = 1; ; attempt++)
        {
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
                Handle = await FreeHandleAsync(email, attempt),
                IsGuest = guest && !admin,
                PasswordHash = passwordHash,
            };
            IdentityResult created;
            try
            {
                // The first round validates and hashes the password; a retry reuses the hash.
                created = passwordHash is null ? await users.CreateAsync(user, password!) : await users.CreateAsync(user);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex) && attempt < HandleAttempts)
            {
                // Someone else took this address or handle since we looked: look again.
                db.Entry(user).State = EntityState.Detached;
                passwordHash = user.PasswordHash;
                continue;
            }

            if (!created.Succeeded)
            {
                var duplicate = created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail");
                return new AccountResult(null, created.Errors.Select(e => e.Description).ToList(), duplicate);
            }

            if (admin)
            {
                await EnsureAdminRoleAsync();
                await users.AddToRoleAsync(user, WikiClaims.AdminRole);
                if (db.Database.CurrentTransaction is null)
                {
                    setup.AdminCreated();
                }
            }

            directory.Invalidate();
            return new AccountResult(user, []);
        }
    }

    /// <summary>
    /// The administrator made on the setup page or from the bootstrap settings: created only while no
    /// administrator exists, decided in the database under a lock, so two setups at once (or a setup
    /// racing the bootstrap of a second process) make one administrator and refuse the other.
    /// </summary>
    public async Task<AccountResult> CreateFirstAdminAsync(string? email, string? name, string? password)
    {
        if (await setup.IsCompleteAsync())
        {
            return SetupDone;
        }

        await using var transaction = await db.Database.BeginLockedAsync("setup");
        if (await SetupState.AdminExistsAsync(db))
        {
            return SetupDone;
        }

        var result = await CreateAsync(email, name, password, admin: true);
        if (result.Succeeded)
        {
            await transaction.CommitAsync();
            setup.AdminCreated();
        }

        return result;
    }

    /// <summary>The account with this address, or a new guest account for it (invitations; safe to repeat at once).</summary>
    public async Task<AccountResult> FindOrCreateGuestAsync(string? email, string? name, string? password)
    {
        if (await FindAsync(email) is { } existing)
        {
            return new AccountResult(existing, []);
        }

        var created = await CreateAsync(email, name, password, guest: true);
        return created is { Duplicate: true } && await FindAsync(email) is { } raced ? new AccountResult(raced, []) : created;
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

    private static AccountResult SetupDone { get; } = new(null, ["TeamWiki is already set up: an administrator exists."], Duplicate: true, AlreadySetUp: true);

    private static List<string> Validate(string email, string name, string? password)
    {
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

        return errors;
    }

    private async Task EnsureAdminRoleAsync()
    {
        if (await roles.RoleExistsAsync(WikiClaims.AdminRole))
        {
            return;
        }

        var role = new IdentityRole(WikiClaims.AdminRole);
        try
        {
            await roles.CreateAsync(role);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Created meanwhile by another request: the role is there, which is all that is needed.
            db.Entry(role).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// The local part of the address as a handle, or the first free "handle2", "handle3", … After two lost
    /// races the counting starts at a random number, so a crowd of sign-ups for one name spreads out
    /// instead of all trying the same next number again.
    /// </summary>
    private async Task<string> FreeHandleAsync(string email, int attempt)
    {
        var local = Slug.From(email[..email.IndexOf('@')].Replace('.', '-').Replace('_', '-'));
        var handle = local.Length > 0 ? local[..Math.Min(local.Length, 40)] : "user";
        var n = attempt <= 2 ? 2 : Random.Shared.Next(2, 10_000);
        var candidate = attempt <= 2 ? handle : handle + n;
        for (; await users.Users.AnyAsync(u => u.Handle == candidate); n++)
        {
            candidate = handle + n;
        }

        return candidate;
    }
}
