using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamWiki.Storage.Conversation;
using TeamWiki.Storage.People;

namespace TeamWiki.Storage.Data;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.SpaceKey).HasMaxLength(80);
        builder.Property(p => p.AuthorId).IsRequired();
        builder.Property(p => p.Markdown).HasMaxLength(Post.MaxMarkdownLength).IsRequired();
        builder.Property(p => p.Tags).HasMaxLength(500).IsRequired();
        builder.HasIndex(p => new { p.SpaceKey, p.CreatedAt });
        builder.HasIndex(p => p.AuthorId);
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Replies).WithOne(r => r.Post).HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.TagList);
    }
}

internal sealed class ReplyConfiguration : IEntityTypeConfiguration<Reply>
{
    public void Configure(EntityTypeBuilder<Reply> builder)
    {
        builder.Property(r => r.Markdown).HasMaxLength(Post.MaxMarkdownLength).IsRequired();
        builder.HasIndex(r => new { r.PostId, r.CreatedAt });
        builder.HasIndex(r => r.AuthorId);
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.Property(r => r.TargetType).HasMaxLength(16);
        builder.Property(r => r.Emoji).HasMaxLength(16);
        builder.HasIndex(r => new { r.TargetType, r.TargetId, r.UserId, r.Emoji }).IsUnique();
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Target).HasMaxLength(400).IsRequired();
        builder.Property(c => c.SpaceKey).HasMaxLength(80).IsRequired();
        builder.Property(c => c.Markdown).HasMaxLength(Post.MaxMarkdownLength).IsRequired();
        builder.HasIndex(c => new { c.Target, c.CreatedAt });
        builder.HasIndex(c => new { c.SpaceKey, c.CreatedAt });
        builder.HasIndex(c => c.AuthorId);
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserPhotoConfiguration : IEntityTypeConfiguration<UserPhoto>
{
    public void Configure(EntityTypeBuilder<UserPhoto> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.HasOne<WikiUser>().WithOne().HasForeignKey<UserPhoto>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
