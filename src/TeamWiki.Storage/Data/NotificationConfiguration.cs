using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamWiki.Storage.Activity;
using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.People;

namespace TeamWiki.Storage.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(16);
        builder.Property(n => n.ActorName).HasMaxLength(100);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Excerpt).HasMaxLength(300);
        builder.Property(n => n.Url).HasMaxLength(600);
        builder.Property(n => n.SpaceKey).HasMaxLength(80);
        builder.Property(n => n.DedupeKey).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique();
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WatchConfiguration : IEntityTypeConfiguration<Watch>
{
    public void Configure(EntityTypeBuilder<Watch> builder)
    {
        builder.HasKey(w => new { w.UserId, w.Target });
        builder.Property(w => w.Target).HasMaxLength(400);
        builder.HasIndex(w => w.Target);
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentEventConfiguration : IEntityTypeConfiguration<ContentEvent>
{
    public void Configure(EntityTypeBuilder<ContentEvent> builder)
    {
        builder.Property(e => e.Commit).HasMaxLength(64);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.ItemId).HasMaxLength(400);
        builder.Property(e => e.SpaceKey).HasMaxLength(80);
        builder.Property(e => e.Action).HasMaxLength(16);
        builder.Property(e => e.AuthorName).HasMaxLength(200);
        builder.Property(e => e.AuthorEmail).HasMaxLength(200);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Tags).HasMaxLength(500);
        builder.Property(e => e.Message).HasMaxLength(300);
        builder.HasIndex(e => new { e.Commit, e.Kind, e.ItemId }).IsUnique();
        builder.HasIndex(e => new { e.SpaceKey, e.At });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.UserId);
        builder.HasIndex(e => new { e.Kind, e.ItemId });
    }
}

internal sealed class RecordedHeadConfiguration : IEntityTypeConfiguration<RecordedHead>
{
    public void Configure(EntityTypeBuilder<RecordedHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Commit).HasMaxLength(64);
    }
}

internal sealed class SearchMissConfiguration : IEntityTypeConfiguration<SearchMiss>
{
    public void Configure(EntityTypeBuilder<SearchMiss> builder)
    {
        builder.Property(m => m.Query).HasMaxLength(200).IsRequired();
        builder.Property(m => m.SpaceKey).HasMaxLength(80);
        builder.HasIndex(m => m.At);
    }
}
