using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Data;

/// <summary>Accounts, tokens and (later) conversation. Changes go through migrations only.</summary>
public sealed class TeamWikiDbContext(DbContextOptions<TeamWikiDbContext> options) : IdentityDbContext<WikiUser>(options)
{
    /// <summary>Personal API tokens.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Who is in which space, with which role.</summary>
    public DbSet<SpaceMember> SpaceMembers => Set<SpaceMember>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TeamWikiDbContext).Assembly);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks instead.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetTicksConverter>();
    }
}
