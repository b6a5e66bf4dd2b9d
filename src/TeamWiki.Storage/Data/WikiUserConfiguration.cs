using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TeamWiki.Storage.People;

namespace TeamWiki.Storage.Data;

internal sealed class WikiUserConfiguration : IEntityTypeConfiguration<WikiUser>
{
    public void Configure(EntityTypeBuilder<WikiUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.Handle).HasMaxLength(64).IsRequired();
        builder.HasIndex(u => u.Handle).IsUnique();
        builder.Property(u => u.Team).HasMaxLength(100);
        builder.Property(u => u.JobTitle).HasMaxLength(100);
        builder.Property(u => u.AskMeAbout).HasMaxLength(500);
        builder.Property(u => u.EmailDigest).HasDefaultValue(true);
        builder.Ignore(u => u.IsActive);
        builder.Ignore(u => u.Topics);
    }
}
