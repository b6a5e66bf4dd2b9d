using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Indexing;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// One index with the sample wiki and the shared Dutch corpus (501 pages, as space <c>nlud</c>), built
/// through the app's own mapping from Markdown to index records.
/// </summary>
public sealed class RelevanceIndex : IDisposable
{
    private static readonly DateTimeOffset Date = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public RelevanceIndex()
    {
        Root = FindRoot();
        Directory = Path.Combine(Path.GetTempPath(), "teamwiki-relevance", Guid.NewGuid().ToString("n"));
        Index = new WikiSearchIndex(Directory, new WikiAnalyzers());
        var documents = new PageDocuments(new MarkdownRenderer());
        var records = SamplePages(documents).ToList();
        SampleCount = records.Count;
        var corpus = Path.Combine(Root, "..", "shared", "corpus", "nl-ud");
        CorpusPresent = System.IO.Directory.Exists(corpus);
        if (CorpusPresent)
        {
            records.AddRange(CorpusPages(documents, corpus));
        }

        Index.Apply(records, [], "relevance");
        Count = records.Count;
        Documents = records;
    }

    public string Root { get; }

    public string Directory { get; }

    public WikiSearchIndex Index { get; }

    public bool CorpusPresent { get; }

    public int SampleCount { get; }

    public int Count { get; }

    /// <summary>The index records, for building comparison indexes of the same pages.</summary>
    public IReadOnlyList<SearchDocument> Documents { get; private set; } = [];

    private IEnumerable<SearchDocument> SamplePages(PageDocuments documents)
    {
        var sample = Path.Combine(Root, "content-sample");
        foreach (var file in System.IO.Directory.EnumerateFiles(sample, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (PagePath.FromFilePath(Path.GetRelativePath(sample, file).Replace('\\', '/')) is not { } path)
            {
                continue;
            }

            var (meta, body) = FrontMatter.Split(File.ReadAllText(file));
            yield return documents.From(path, PageTitles.Of(path, meta, body), body, meta, "TeamWiki", Date);
        }
    }

    private static IEnumerable<SearchDocument> CorpusPages(PageDocuments documents, string corpus)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(corpus, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var firstLine = text.IndexOf('\n');
            var title = text.StartsWith("# ", StringComparison.Ordinal) ? text[2..firstLine].Trim() : Path.GetFileNameWithoutExtension(file);
            var body = text.StartsWith("# ", StringComparison.Ordinal) ? text[(firstLine + 1)..] : text;
            var path = PagePath.Parse("nlud/" + Path.GetFileNameWithoutExtension(file));
            yield return documents.From(path, title, body, FrontMatter.Empty, "Corpus", Date);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamWiki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TeamWiki.sln not found");
    }

    public void Dispose()
    {
        Index.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
