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
                await api.SearchUntilFoundAsync("zeppelinhangar", "kennisbank/herstel");
            }

            Directory.Delete(Path.Combine(data, "index"), recursive: true);

            using var second = new ExistingDataFactory(data);
            var client = second.AdminClient();
            var results = await client.SearchUntilFoundAsync("zeppelinhangar", "kennisbank/herstel");
            Assert.Equal("kennisbank/herstel", results.GetProperty("items")[0].Str("path"));
            await client.WaitUntilIndexedAsync();
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
            const string page = "handboek/beveiliging/wachtwoordbeleid";
            using (var first = new ExistingDataFactory(data))
            {
                await first.AdminClient().SearchUntilFoundAsync("wachtwoordbeleid", page);
            }

            var files = Directory.GetFiles(Path.Combine(data, "index"));
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                File.WriteAllBytes(file, [0, 1, 2, 3]);
            }

            using var second = new ExistingDataFactory(data);
            var results = await second.AdminClient().SearchUntilFoundAsync("wachtwoordbeleid", page);
            Assert.Equal(page, results.GetProperty("items")[0].Str("path"));
            Assert.Equal("Wachtwoordbeleid", results.GetProperty("items")[0].Str("title"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
