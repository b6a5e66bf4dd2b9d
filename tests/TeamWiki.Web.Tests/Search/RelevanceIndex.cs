using TeamWiki.Search;
using TeamWiki.Search.Analysis;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Search.Indexing;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Search;

/// <summary>
/// The indexes the relevance tests search, built through the app's own mapping from Markdown to index
/// records: <see cref="Sample"/> holds the sample wiki alone (always there), <see cref="Combined"/> the
/// sample wiki and the shared Dutch corpus (501 pages, as space <c>nlud</c>) when the corpus is present,
/// <see cref="Corpus"/> the corpus alone.
/// </summary>
public sealed class RelevanceIndex : IDisposable
{
    private static readonly DateTimeOffset Date = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<(WikiSearchIndex Index, string Directory)> _owned = [];

    public RelevanceIndex()
    {
        Root = SharedCorpus.RepositoryRoot;
        var analyzers = new WikiAnalyzers();
        var documents = new PageDocuments(new MarkdownRenderer());
        var sample = SamplePages(documents).ToList();
        SampleDocuments = sample;
        Sample = Build(analyzers, sample);
        CorpusPresent = SharedCorpus.Present;
        if (CorpusPresent)
        {
            var all = sample.Concat(CorpusPages(documents, SharedCorpus.Pages)).ToList();
            Documents = all;
            Combined = Build(analyzers, all);
            CorpusDocuments = all.Skip(sample.Count).ToList();
            Corpus = Build(analyzers, CorpusDocuments);
        }
    }

    public string Root { get; }

    public bool CorpusPresent { get; }

    /// <summary>The sample wiki alone.</summary>
    public WikiSearchIndex Sample { get; }

    public IReadOnlyList<SearchDocument> SampleDocuments { get; }

    /// <summary>The sample wiki and the corpus in one index; null without the corpus.</summary>
    public WikiSearchIndex? Combined { get; }

    /// <summary>The corpus alone (no sample wiki beside it); null without the corpus.</summary>
    public WikiSearchIndex? Corpus { get; }

    /// <summary>The records of <see cref="Corpus"/>.</summary>
    public IReadOnlyList<SearchDocument> CorpusDocuments { get; } = [];

    /// <summary>The records of <see cref="Combined"/>, for building comparison indexes of the same pages.</summary>
    public IReadOnlyList<SearchDocument> Documents { get; } = [];

    private WikiSearchIndex Build(WikiAnalyzers analyzers, IReadOnlyList<SearchDocument> records)
    {
        var directory = Path.Combine(Path.GetTempPath(), "teamwiki-relevance", Guid.NewGuid().ToString("n"));
        var index = new WikiSearchIndex(directory, analyzers);
        _owned.Add((index, directory));
        index.Apply(records, [], "relevance");
        return index;
    }

    private IEnumerable<SearchDocument> SamplePages(PageDocuments documents)
    {
        var sample = Path.Combine(Root, "content-sample");
        foreach (var file in Directory.EnumerateFiles(sample, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
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
        foreach (var file in Directory.EnumerateFiles(corpus, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var firstLine = text.IndexOf('\n');
            var title = text.StartsWith("# ", StringComparison.Ordinal) ? text[2..firstLine].Trim() : Path.GetFileNameWithoutExtension(file);
            var body = text.StartsWith("# ", StringComparison.Ordinal) ? text[(firstLine + 1)..] : text;
            var path = PagePath.Parse("nlud/" + Path.GetFileNameWithoutExtension(file));
            yield return documents.From(path, title, body, FrontMatter.Empty, "Corpus", Date);
        }
    }

    public void Dispose()
    {
        foreach (var (index, directory) in _owned)
        {
            index.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
