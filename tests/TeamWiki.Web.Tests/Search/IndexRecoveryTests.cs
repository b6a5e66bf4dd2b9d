using System.Diagnostics;
using System.Text.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Search;

public class IndexRecoveryTests
{
    [Fact]
    public async Task DeletingTheIndexLosesNothingItIsRebuiltFromGit()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        try
        {
            using (var first = new ExistingDataFactory(data))
            {
                var api = first.AdminClient();
                await api.PutPageAsync("kennisbank/herstel", "---\ntitle: Herstel\ntags: [herstel]\n---\n\nHet woord zeppelinhangar staat hier.\n");
                await WaitUntilFoundAsync(api, "zeppelinhangar");
            }

            Directory.Delete(Path.Combine(data, "index"), recursive: true);

            using var second = new ExistingDataFactory(data);
            var client = second.AdminClient();
            var results = await WaitUntilFoundAsync(client, "zeppelinhangar");
            Assert.Equal("kennisbank/herstel", results.GetProperty("items")[0].Str("path"));
            Assert.True((await (await client.GetAsync("/api/search?q=onboarding")).ReadJsonAsync()).GetProperty("total").GetInt32() > 0);
            Assert.True(Directory.Exists(Path.Combine(data, "index")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task ACorruptIndexIsRebuiltAtStart()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        try
        {
            using (var first = new ExistingDataFactory(data))
            {
                await WaitUntilFoundAsync(first.AdminClient(), "wachtwoordbeleid");
            }

            foreach (var file in Directory.GetFiles(Path.Combine(data, "index")))
            {
                File.WriteAllBytes(file, [0, 1, 2, 3]);
            }

            using var second = new ExistingDataFactory(data);
            await WaitUntilFoundAsync(second.AdminClient(), "wachtwoordbeleid");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<JsonElement> WaitUntilFoundAsync(HttpClient api, string word)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var results = await (await api.GetAsync("/api/search?q=" + word)).ReadJsonAsync();
            if (results.GetProperty("total").GetInt32() > 0 || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                return results;
            }

            await Task.Delay(100);
        }
    }
}
