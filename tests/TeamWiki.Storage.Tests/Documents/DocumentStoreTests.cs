using Microsoft.Extensions.Options;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Documents;

public class DocumentStoreTests : IDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();
    private readonly TempWiki _wiki = new();
    private readonly DocumentStore _documents;

    public DocumentStoreTests() =>
        _documents = new DocumentStore(_wiki.Repository, _wiki.Catalog, Options.Create(new StorageOptions { MaxUploadBytes = 10_000 }));

    [Fact]
    public void UploadingTheSameNameMakesANewVersionAndOldVersionsCanBeRestored()
    {
        var (first, created) = _documents.Upload("project-atlas", "Offerte Atlas.pdf", Pdf, Alice);
        Assert.True(created);
        Assert.Equal("project-atlas~offerte-atlas.pdf", first.Id);

        var v2 = Pdf.Concat("% versie 2\n"u8.ToArray()).ToArray();
        var (second, createdAgain) = _documents.Upload("project-atlas", "offerte atlas.PDF", v2, Bob);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(v2, _documents.Content(first.Id));

        var versions = _documents.Versions(first.Id);
        Assert.Equal(2, versions.Count);
        Assert.Equal("Bob Jansen", versions[0].Author);
        Assert.Equal(Pdf, _documents.Content(first.Id, versions[1].Revision));

        _documents.Restore(first.Id, versions[1].Revision, Alice);
        Assert.Equal(Pdf, _documents.Content(first.Id));
        Assert.Equal(3, _documents.Versions(first.Id).Count);
        Assert.Single(_documents.InSpace("project-atlas"), d => d.Name == "offerte-atlas.pdf");
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\Rapport Q3.DOCX", "rapport-q3.docx")]
    [InlineData("café-menu (1).txt", "cafe-menu-1.txt")]
    [InlineData(".hidden", "hidden")]
    public void FileNamesAreMadeSafe(string given, string expected) => Assert.Equal(expected, DocumentTypes.SafeName(given));

    [Fact]
    public void ContentsThatDoNotMatchTheTypeAreRefused()
    {
        var head = _wiki.Repository.Head;
        Assert.Throws<InvalidDocumentException>(() => _documents.Upload("handboek", "nep.pdf", "<html><script>alert(1)</script>"u8.ToArray(), Alice));
        Assert.Throws<InvalidDocumentException>(() => _documents.Upload("handboek", "virus.exe", "MZ"u8.ToArray(), Alice));
        Assert.Throws<InvalidDocumentException>(() => _documents.Upload("handboek", "tekst.txt", [0xFF, 0xFE, 0x00, 0x41], Alice));
        Assert.Throws<InvalidDocumentException>(() => _documents.Upload("handboek", "...", "x"u8.ToArray(), Alice));
        Assert.Equal(head, _wiki.Repository.Head);
    }

    [Fact]
    public void AnUploadOverTheLimitIsRefused()
    {
        var ex = Assert.Throws<DocumentTooLargeException>(() => _documents.Upload("handboek", "groot.txt", new byte[10_001].Select(_ => (byte)'a').ToArray(), Alice));
        Assert.Equal(10_000, ex.Limit);
        Assert.Empty(_documents.InSpace("handboek"));
    }

    [Theory]
    [InlineData("project-atlas~offerte.pdf", true)]
    [InlineData("PROJECT-ATLAS~offerte.pdf", true)]
    [InlineData("project-atlas~../x.pdf", false)]
    [InlineData("project-atlas", false)]
    [InlineData("~offerte.pdf", false)]
    [InlineData("project-atlas~Offerte.pdf", false)]
    public void DocumentIdsAreCheckedBeforeUse(string id, bool valid) => Assert.Equal(valid, DocumentStore.ParseId(id) is not null);

    [Fact]
    public void AnUploadWithOneRefusedFileStoresNoneOfItsFiles()
    {
        var head = _wiki.Repository.Head;

        Assert.Throws<InvalidDocumentException>(() => _documents.UploadAll("handboek",
            [new DocumentUpload("goed.pdf", Pdf), new DocumentUpload("ook-goed.txt", "tekst"u8.ToArray()), new DocumentUpload("virus.exe", "MZ"u8.ToArray())], Alice));
        Assert.Throws<DocumentTooLargeException>(() => _documents.UploadAll("handboek",
            [new DocumentUpload("goed.pdf", Pdf), new DocumentUpload("groot.txt", new byte[10_001].Select(_ => (byte)'a').ToArray())], Alice));
        Assert.Throws<InvalidDocumentException>(() => _documents.UploadAll("handboek",
            [new DocumentUpload("Dubbel.pdf", Pdf), new DocumentUpload("dubbel.PDF", Pdf)], Alice));

        Assert.Equal(head, _wiki.Repository.Head);
        Assert.Empty(_documents.InSpace("handboek"));
    }

    [Fact]
    public void SeveralFilesAreStoredAsOneCommit()
    {
        var head = _wiki.Repository.Head;

        var stored = _documents.UploadAll("handboek", [new DocumentUpload("een.pdf", Pdf), new DocumentUpload("twee.txt", "twee"u8.ToArray())], Alice);

        Assert.Equal(["handboek~een.pdf", "handboek~twee.txt"], stored.Select(s => s.Document.Id));
        Assert.All(stored, s => Assert.True(s.Created));
        var commit = _wiki.Repository.FindCommit(_wiki.Repository.Head!)!;
        Assert.Equal(head, commit.ParentId);
        Assert.Equal(["handboek/_documents/een.pdf", "handboek/_documents/twee.txt"], _wiki.Repository.ChangedPaths(head, commit.Id).Order());
    }

    public void Dispose() => _wiki.Dispose();
}
