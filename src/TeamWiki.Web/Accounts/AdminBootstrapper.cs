using Microsoft.Extensions.Options;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Unattended first start: creates the admin from <c>TeamWiki:Bootstrap:AdminEmail</c>/<c>AdminPassword</c>
/// when no administrator exists, and gives the admin the token from <c>TeamWiki:Bootstrap:ApiToken</c> unless a token
/// with that secret was stored before (also when it was revoked since: a revoked token stays revoked).
/// </summary>
public sealed class AdminBootstrapper(
    IOptions<TeamWikiOptions> options,
    UserAccounts accounts,
    SetupState setup,
    ApiTokens tokens,
    ILogger<AdminBootstrapper> logger)
{
    /// <summary>Minimum length of a configured token.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Runs at start.</summary>
    public async Task RunAsync()
    {
        var bootstrap = options.Value.Bootstrap;
        if (!string.IsNullOrWhiteSpace(bootstrap.AdminEmail) && !string.IsNullOrEmpty(bootstrap.AdminPassword) && !await setup.IsCompleteAsync())
        {
            // The same locked path as the setup page: a setup submitted meanwhile, or a second process
            // bootstrapping the same database, makes this a no-op rather than a second administrator.
            var result = await accounts.CreateFirstAdminAsync(bootstrap.AdminEmail, bootstrap.AdminName, bootstrap.AdminPassword);
            if (result.Succeeded)
            {
                logger.LogInformation("Created the admin account {Email} from configuration", bootstrap.AdminEmail);
            }
            else
            {
                logger.LogError("Could not create the admin from configuration: {Errors}", string.Join(" ", result.Errors));
            }
        }

        await SeedTokenAsync();
    }

    /// <summary>Stores the configured token for the first admin, once.</summary>
    public async Task SeedTokenAsync()
    {
        var secret = options.Value.Bootstrap.ApiToken;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        if (secret.Length < MinTokenLength)
        {
            logger.LogError("TeamWiki:Bootstrap:ApiToken is shorter than {Min} characters and was ignored", MinTokenLength);
            return;
        }

        var admin = await accounts.FirstAdminAsync();
        if (admin is null)
        {
            return;
        }

        if (await tokens.KnowsAsync(secret.Trim()))
        {
            return;
        }

        await tokens.StoreAsync(admin.Id, "bootstrap", secret.Trim());
        logger.LogInformation("Stored the configured API token for {Email}", admin.Email);
    }
}
