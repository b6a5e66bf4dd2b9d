using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TeamWiki.Storage.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TeamWikiDbContext>
{
    public TeamWikiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TeamWikiDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
