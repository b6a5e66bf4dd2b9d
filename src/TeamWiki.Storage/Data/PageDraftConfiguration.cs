using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamWiki.Storage.Drafts;
using TeamWiki.Storage.People;

namespace TeamWiki.Storage.Data;

internal sealed class PageDraftConfiguration : IEntityTypeConfiguration<PageDraft>
{
    public void Configure(EntityTypeBuilder<PageDraft> builder)
    {
        builder.HasKey(d => new { d.UserId, d.Path });
        builder.Property(d => d.Path).HasMaxLength(400);
        builder.Property(d => d.Title).HasMaxLength(400);
        builder.Property(d => d.BaseRevision).HasMaxLength(64);
        // Leaving the wiki takes one's drafts along.
        builder.HasOne<WikiUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
