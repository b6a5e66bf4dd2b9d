using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Activity;
using TeamWiki.Storage.Conversation;
using TeamWiki.Storage.Drafts;
using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Data;

/// <summary>
/// Accounts, tokens, memberships, conversation, notifications and derived activity. Changes go through
/// migrations only: SQLite's in <c>Data/Migrations</c>, PostgreSQL's (<see cref="PostgreSqlTeamWikiDbContext"/>)
/// in <c>Data/PostgreSqlMigrations</c>.
/// </summary>
public class TeamWikiDbContext : IdentityDbContext<WikiUser>
{
    /// <summary>The SQLite (default) context.</summary>
    public TeamWikiDbContext(DbContextOptions<TeamWikiDbContext> options) : base(options)
    {
    }

    /// <summary>For provider-specific subclasses, which carry their own migrations.</summary>
    protected TeamWikiDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Personal API tokens.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Who is in which space, with which role.</summary>
    public DbSet<SpaceMember> SpaceMembers => Set<SpaceMember>();

    /// <summary>Discussion posts.</summary>
    public DbSet<Post> Posts => Set<Post>();

    /// <summary>Replies to posts.</summary>
    public DbSet<Reply> Replies => Set<Reply>();

    /// <summary>Reactions to posts and replies.</summary>
    public DbSet<Reaction> Reactions => Set<Reaction>();

    /// <summary>Comments on pages, tasks and documents.</summary>
    public DbSet<Comment> Comments => Set<Comment>();

    /// <summary>In-app notifications.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Who watches what.</summary>
    public DbSet<Watch> Watches => Set<Watch>();

    /// <summary>The last commit whose notifications were sent (the notifier's position in the change feed).</summary>
    public DbSet<RecordedHead> RecordedHeads => Set<RecordedHead>();

    /// <summary>Searches that found nothing.</summary>
    public DbSet<SearchMiss> SearchMisses => Set<SearchMiss>();

    /// <summary>Profile photos.</summary>
    public DbSet<UserPhoto> UserPhotos => Set<UserPhoto>();

    /// <summary>Unsaved page texts, one per person and page.</summary>
    public DbSet<PageDraft> PageDrafts => Set<PageDraft>();

    /// <summary>Invitations to make an account.</summary>
    public DbSet<Invitation> Invitations => Set<Invitation>();

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
