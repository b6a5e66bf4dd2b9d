using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.People;

namespace TeamWiki.Storage.Tests.People;

/// <summary>
/// A request with a known API token reads no database, yet revoking the token or disabling its account
/// counts at the token's very next request.
/// </summary>
public sealed class ApiTokenCacheTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "teamwiki-token-tests", Guid.NewGuid().ToString("n"));
    private ServiceProvider _services = null!;
    private CountingFactory _contexts = null!;
    private ApiTokens _tokens = null!;
    private string _userId = "";

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddTeamWikiStorage(DataFolder.Prepare(_root));
        _services = services.BuildServiceProvider();
        _contexts = new CountingFactory(_services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>());
        _tokens = new ApiTokens(_contexts, _services.GetRequiredService<ApiTokenCache>());
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var user = new WikiUser { UserName = "ans@example.org", Email = "ans@example.org", DisplayName = "Ans", Handle = "ans" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        _userId = user.Id;
    }

    [Fact]
    public async Task A_known_token_is_answered_without_the_database()
    {
        var (_, secret) = await _tokens.CreateAsync(_userId, "script");
        Assert.Equal(_userId, (await _tokens.AuthenticateAsync(secret))?.Id);
        var opened = _contexts.Created;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(_userId, (await _tokens.AuthenticateAsync(secret))?.Id);
        }

        Assert.Equal(opened, _contexts.Created);
        Assert.Null(await _tokens.AuthenticateAsync(secret + "x"));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_its_next_use()
    {
        var (token, secret) = await _tokens.CreateAsync(_userId, "script");
        var (_, other) = await _tokens.CreateAsync(_userId, "other");
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));
        Assert.NotNull(await _tokens.AuthenticateAsync(other));

        Assert.True(await _tokens.RevokeAsync(_userId, token.Id));

        Assert.Null(await _tokens.AuthenticateAsync(secret));
        Assert.NotNull(await _tokens.AuthenticateAsync(other));
    }

    [Fact]
    public async Task A_disabled_account_s_token_is_refused_at_its_next_use_and_works_again_once_enabled()
    {
        var (_, secret) = await _tokens.CreateAsync(_userId, "script");
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));

        await SetDisabledAsync(true);
        Assert.Null(await _tokens.AuthenticateAsync(secret));

        await SetDisabledAsync(false);
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task A_deleted_account_s_token_is_refused_at_its_next_use()
    {
        var (_, secret) = await _tokens.CreateAsync(_userId, "script");
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));

        await using (var db = await _contexts.CreateDbContextAsync())
        {
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == _userId));
            await db.SaveChangesAsync();
        }

        Assert.Null(await _tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public async Task A_change_saved_in_a_transaction_counts_once_the_transaction_commits()
    {
        var (_, secret) = await _tokens.CreateAsync(_userId, "script");
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));

        await using (var db = await _contexts.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginLockedAsync("accounts"))
        {
            var user = await db.Users.SingleAsync(u => u.Id == _userId);
            user.DisabledAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            // Another request between the save and the commit still reads the account as active.
            Assert.NotNull(await _tokens.AuthenticateAsync(secret));
            await transaction.CommitAsync();
        }

        Assert.Null(await _tokens.AuthenticateAsync(secret));
    }

    [Fact]
    public void What_was_read_before_a_change_is_not_kept_and_an_entry_is_read_again_after_its_maximum_age()
    {
        var clock = new ManualClock();
        var cache = new ApiTokenCache(clock);
        var user = new WikiUser { Id = "u1" };

        var before = cache.Generation;
        cache.Invalidate();
        cache.Keep("hash", before, user, null);
        Assert.Null(cache.Find("hash"));

        cache.Keep("hash", cache.Generation, user, null);
        Assert.Same(user, cache.Find("hash")?.User);

        clock.Now += ApiTokenCache.MaxAge;
        Assert.Null(cache.Find("hash"));
    }

    private async Task SetDisabledAsync(bool disabled)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Id == _userId);
        user.DisabledAt = disabled ? DateTimeOffset.UtcNow : null;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class CountingFactory(IDbContextFactory<TeamWikiDbContext> inner) : IDbContextFactory<TeamWikiDbContext>
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public TeamWikiDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _created);
            return inner.CreateDbContext();
        }

        public Task<TeamWikiDbContext> CreateDbContextAsync() => Task.FromResult(CreateDbContext());
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
