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
