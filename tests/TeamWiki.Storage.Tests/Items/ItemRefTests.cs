using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.Tests.Items;

public class ItemRefTests
{
    [Theory]
    [InlineData("page:handboek/welkom", ItemKind.Page, "handboek/welkom")]
    [InlineData("task:PA-12", ItemKind.Task, "PA-12")]
    [InlineData("document:project-atlas~plan.pdf", ItemKind.Document, "project-atlas~plan.pdf")]
    [InlineData("space:handboek", ItemKind.Space, "handboek")]
    public void TheStoredFormParsesAndPrintsTheSame(string text, ItemKind kind, string id)
    {
        var item = ItemRef.Parse(text);

        Assert.Equal(new ItemRef(kind, id), item);
        Assert.Equal(text, item.ToString());
    }

    [Theory]
    [InlineData("task:pa-012", "task:PA-12")]
    [InlineData("TASK: pa-12 ", "task:PA-12")]
    [InlineData("Space:Handboek", "space:handboek")]
    [InlineData("page: handboek/welkom ", "page:handboek/welkom")]
    public void OtherSpellingsOfOneItemParseToItsCanonicalForm(string text, string canonical) =>
        Assert.Equal(canonical, ItemRef.Parse(text).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("handboek/welkom")]
    [InlineData(":handboek/welkom")]
    [InlineData("post:12")]
    [InlineData("page:")]
    [InlineData("page:../etc/passwd")]
    [InlineData("task:geen-sleutel")]
    [InlineData("document:zonder-tilde")]
    [InlineData("space:met spatie")]
    public void MalformedReferencesAreRefused(string? text)
    {
        Assert.False(ItemRef.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ItemRef.Parse(text));
    }

    [Theory]
    [InlineData("handboek/welkom.md", "page:handboek/welkom")]
    [InlineData("handboek/onboarding/eerste-dag.md", "page:handboek/onboarding/eerste-dag")]
    [InlineData("project-atlas/_tasks/0/PA-1.md", "task:PA-1")]
    [InlineData("project-atlas/_tasks/PA-7.md", "task:PA-7")]
    [InlineData("project-atlas/_documents/plan.pdf", "document:project-atlas~plan.pdf")]
    [InlineData("handboek/_space.yml", "space:handboek")]
    public void ARepositoryFileIsClassifiedAsTheItemItHolds(string path, string expected) =>
        Assert.Equal(expected, ContentPaths.Classify(path)?.ToString());

    [Theory]
    [InlineData("README.md")]
    [InlineData("handboek/_media/logo.png")]
    [InlineData("project-atlas/_tasks/_deleted/PA-3.md")]
    [InlineData("handboek/Hoofdletters.md")]
    [InlineData("handboek/notities.txt")]
    public void FilesThatHoldNoItemAreNotClassified(string path) => Assert.Null(ContentPaths.Classify(path));

    [Fact]
    public void TheSpaceOfAnItemFollowsFromItsIdExceptForATask()
    {
        Assert.Equal("handboek", ItemRef.Parse("page:handboek/a/b").SpaceFromId);
        Assert.Equal("project-atlas", ItemRef.Parse("document:project-atlas~plan.pdf").SpaceFromId);
        Assert.Equal("kennisbank", ItemRef.Parse("space:kennisbank").SpaceFromId);
        Assert.Null(ItemRef.Parse("task:PA-1").SpaceFromId);
    }
}
