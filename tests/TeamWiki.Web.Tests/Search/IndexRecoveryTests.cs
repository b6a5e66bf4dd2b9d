using System.Net.Http.Json;
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
    public async Task ARebuildHoldsPostsCommentsAndPeopleToo()
    {
        var data = Path.Combine(Path.GetTempPath(), "teamwiki-web-tests", Guid.NewGuid().ToString("n"));
        try
        {
            string postId;
            using (var first = new ExistingDataFactory(data))
            {
                var api = first.AdminClient();
                await api.WaitUntilIndexedAsync();
                var post = await (await api.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Wie ruimt de tentharingen op?" })).ReadJsonAsync();
                postId = post.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
                (await api.PostAsJsonAsync($"/api/posts/{postId}/replies", new { markdown = "De scheerlijnen liggen al in de schuur." })).EnsureSuccessStatusCode();
                (await api.PostAsJsonAsync("/api/comments?target=page:handboek/welkom", new { markdown = "Het grondzeil is nat." })).EnsureSuccessStatusCode();
                await api.SearchUntilFoundAsync("scheerlijnen", postId);
            }

            Directory.Delete(Path.Combine(data, "index"), recursive: true);

            using var second = new ExistingDataFactory(data);
            var client = second.AdminClient();
            await client.WaitUntilIndexedAsync();
            var found = await (await client.GetAsync("/api/search?q=scheerlijnen")).ReadJsonAsync();
            Assert.Equal(("post", postId), (found.GetProperty("items")[0].Str("kind"), found.GetProperty("items")[0].Str("path")));
            var comment = await (await client.GetAsync("/api/search?q=grondzeil")).ReadJsonAsync();
            Assert.Equal("comment", comment.GetProperty("items")[0].Str("kind"));
            var admin = await (await client.GetAsync("/api/search?q=admin&kind=person")).ReadJsonAsync();
            Assert.Equal("person", admin.GetProperty("items")[0].Str("kind"));
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
