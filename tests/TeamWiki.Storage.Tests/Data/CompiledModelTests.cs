using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Data;

namespace TeamWiki.Storage.Tests.Data;

/// <summary>
/// The app starts with EF Core's compiled models (<c>Data/CompiledModels</c>, one per provider), so no start builds
/// the model from the entity configurations. A compiled model is generated code: after a change to an entity or its
/// configuration it must be generated again (<c>dotnet ef dbcontext optimize</c>, see docs/operations.md), or the app
/// would run on the old model. These tests fail until it is.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void TheSqliteContextRunsOnItsCompiledModelAndItEqualsTheModelTheConfigurationsBuild()
    {
        using var db = new TeamWikiDbContext(new DbContextOptionsBuilder<TeamWikiDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.IsType<Storage.Data.CompiledModels.Sqlite.TeamWikiDbContextModel>(db.Model);
        AssertSameAsBuilt(db, "SQLite");
    }

    [Fact]
    public void ThePostgreSqlContextRunsOnItsCompiledModelAndItEqualsTheModelTheConfigurationsBuild()
    {
        using var db = new PostgreSqlTeamWikiDbContext(new DbContextOptionsBuilder<PostgreSqlTeamWikiDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=teamwiki").Options);

        Assert.IsType<Storage.Data.CompiledModels.PostgreSql.PostgreSqlTeamWikiDbContextModel>(db.Model);
        AssertSameAsBuilt(db, "PostgreSQL");
    }

    private static void AssertSameAsBuilt(TeamWikiDbContext db, string provider)
    {
        // The design-time model is built from OnModelCreating, whatever model the context runs on. A compiled model
        // keeps no design-time annotations, so the migrations' differ cannot compare the two: their tables can.
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.True(Describe(built).SequenceEqual(Describe(db.Model)),
            $"The {provider} compiled model differs from the entity configurations; run dotnet ef dbcontext optimize (docs/operations.md): "
            + string.Join(", ", Describe(built).Except(Describe(db.Model)).Concat(Describe(db.Model).Except(Describe(built))).Take(5)));
    }

    /// <summary>Every table with its columns, keys, foreign keys and indexes, and every entity with its properties.</summary>
    private static List<string> Describe(IModel model) =>
        model.GetRelationalModel().Tables.SelectMany(t =>
                t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} null={c.IsNullable}")
                    .Append($"{t.Name} pk {t.PrimaryKey?.Name} {string.Join(',', t.PrimaryKey?.Columns.Select(c => c.Name) ?? [])}")
                    .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} {string.Join(',', f.Columns.Select(c => c.Name))} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))
                    .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} {string.Join(',', i.Columns.Select(c => c.Name))} unique={i.IsUnique} filter={i.Filter}")))
            .Concat(model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name} {p.ClrType} converter={p.GetValueConverter()?.GetType().Name} max={p.GetMaxLength()} concurrency={p.IsConcurrencyToken}")))
            .Order(StringComparer.Ordinal)
            .ToList();
}
