using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Git;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api.Fuzz;

/// <summary>
/// Sends well over a thousand malformed requests, spread evenly over every route the app maps, as the
/// admin (so validation behind authorisation runs too), anonymously and with a forged token. A fixed seed
/// makes a failure reproducible; the failing requests are printed whole. No answer may be a 5xx, and
/// nothing may be written: the branch tip and the row count of every database table stay as they were.
/// </summary>
public class MalformedRequestFuzzTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    // Fixed, so a failure reproduces; TEAMWIKI_FUZZ_SEED tries another without changing the code.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("TEAMWIKI_FUZZ_SEED"), out var seed) ? seed : 9_2026;
    private const int RequestsPerRoute = 20;
    private const int MinimumRequests = 1_000;

    [Fact]
    public async Task MalformedRequestsToEveryRouteGetNoServerErrorAndWriteNothing()
    {
        var routes = ApiRoutes.Of(factory.Services);
        Assert.Contains(routes, r => r.ToString() == "POST /api/pages/{**path}");
        Assert.Contains(routes, r => r.ToString() == "POST /api/spaces/{space}/documents");
        Assert.Contains(routes, r => r.ToString() == "GET /culture");
        var before = await QuietStateAsync();

        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = factory.AdminClient(),
            ["anonymous"] = factory.AnonymousClient(),
            ["forged token"] = factory.ClientWithToken("tw_forged_" + new string('x', 30)),
        };
        var random = new Random(Seed);
        var failures = new List<string>();
        var repository = factory.Services.GetRequiredService<IChangeFeed>();
        var head = repository.Head;
        var total = Math.Max(MinimumRequests, routes.Count * RequestsPerRoute);
        for (var i = 0; i < total; i++)
        {
            // Round robin, so every route gets its share whatever the seed does.
            var route = routes[i % routes.Count];
            var client = random.Next(3) switch { 0 => "anonymous", 1 => "forged token", _ => "admin" };
            var request = MalformedRequests.Make(route, random, client);
            using var message = request.ToMessage(factory.BaseAddress);
            using var response = await clients[client].SendAsync(message);
            if ((int)response.StatusCode >= 500)
            {
                var answer = await response.Content.ReadAsStringAsync();
                failures.Add($"#{i} [{route}] {(int)response.StatusCode} for {request}\n    answer: {answer[..Math.Min(answer.Length, 400)]}");
            }

            if (repository.Head != head)
            {
                failures.Add($"#{i} [{route}] {(int)response.StatusCode} committed to git: {request}");
                head = repository.Head;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {total} malformed requests got a server error or wrote (seed {Seed}):\n{string.Join("\n", failures.Take(40))}");
        Assert.Equal(before, await QuietStateAsync());
    }

    /// <summary>
    /// The branch tip and every table's row count, once the app is idle (start-up indexing and activity
    /// recording finished): two readings a moment apart that agree.
    /// </summary>
    private async Task<string> QuietStateAsync()
    {
        await factory.Services.GetRequiredService<IndexFeeder>().CaughtUp.WaitAsync(TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();
        // The change notifier follows the change feed on its own: idle means it has reached the tip too.
        while (await RecordedHeadAsync() != factory.Services.GetRequiredService<IChangeFeed>().Head)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the change notifier did not reach the tip of the branch");
            await Task.Delay(100);
        }

        var previous = await StateAsync();
        while (true)
        {
            await Task.Delay(300);
            var current = await StateAsync();
            if (current == previous)
            {
                return current;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the app did not become idle");
            previous = current;
        }
    }

    private async Task<string?> RecordedHeadAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync();
        return (await db.RecordedHeads.AsNoTracking().FirstOrDefaultAsync())?.Commit;
    }

    private async Task<string> StateAsync()
    {
        var head = factory.Services.GetRequiredService<IChangeFeed>().Head;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync();
        var counts = new List<string> { $"head={head}" };
        // Left out: SearchMisses, where a search that finds nothing is recorded for the insights page by
        // design. "GET /api/search?q=CON" is a well-formed search, whatever the rest of the request.
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
                     .Where(t => t != "SearchMisses").Order(StringComparer.Ordinal))
        {
#pragma warning disable EF1002 // Table names come from the model, not from input.
            var count = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
            counts.Add($"{table}={count}");
        }

        return string.Join("; ", counts);
    }
}
