using Microsoft.Extensions.Options;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Documents;

/// <summary>
/// Documents in git: <c>space/_documents/name</c>. Uploading a file with a name that exists makes a new
/// version (a commit); older versions stay readable and can be restored as a new version.
/// </summary>
public sealed class DocumentStore(GitContentRepository repository, IContentCatalog catalog, IOptions<StorageOptions> options, LastChangeCache? lastChanges = null)
{
    private readonly LastChangeCache _lastChanges = lastChanges ?? new LastChangeCache(repository);

    /// <summary>The folder of a space's documents.</summary>
    public const string Folder = "_documents";

    /// <summary>The id of a document: <c>space~name</c> (one URL segment).</summary>
    public static string Id(string space, string name) => $"{space}~{name}";

    /// <summary>Space and name of an id, or null when it is not a document id.</summary>
    public static (string Space, string Name)? ParseId(string? id)
    {
        var tilde = id?.IndexOf('~') ?? -1;
        if (tilde <= 0)
        {
            return null;
        }

        var space = id![..tilde].ToLowerInvariant();
        var name = id[(tilde + 1)..];
        return Slug.IsSlug(space) && name.Length > 0 && name == DocumentTypes.SafeNameOrNull(name) ? (space, name) : null;
    }

    /// <summary>Stores an upload as a new document or a new version of one with the same (sanitised) name.</summary>
    /// <exception cref="DocumentTooLargeException">Over the limit.</exception>
    /// <exception cref="InvalidDocumentException">Refused type or contents.</exception>
    /// <exception cref="SpaceNotFoundException">No such space.</exception>
    public (DocumentInfo Document, bool Created) Upload(string space, string fileName, byte[] content, ContentAuthor author, string? message = null) =>
        UploadAll(space, [new DocumentUpload(fileName, content)], author, message)[0];

    /// <summary>
    /// Stores several uploads as one commit, all or nothing: every file is checked before anything is
    /// written, so one refused file leaves the space as it was.
    /// </summary>
    /// <exception cref="DocumentTooLargeException">A file is over the limit; nothing was stored.</exception>
    /// <exception cref="InvalidDocumentException">A file is refused, or two files get the same name; nothing was stored.</exception>
    /// <exception cref="SpaceNotFoundException">No such space.</exception>
    public IReadOnlyList<(DocumentInfo Document, bool Created)> UploadAll(string space, IReadOnlyList<DocumentUpload> uploads, ContentAuthor author, string? message = null)
    {
        if (catalog.Current.FindSpace(space) is null)
        {
            throw new SpaceNotFoundException(space);
        }

        if (uploads.Count == 0)
        {
            throw new InvalidDocumentException("The upload holds no files");
        }

        var names = new List<string>();
        foreach (var upload in uploads)
        {
            var name = DocumentTypes.SafeName(upload.FileName);
            if (upload.Content.LongLength > options.Value.MaxUploadBytes)
            {
                throw new DocumentTooLargeException(name, upload.Content.LongLength, options.Value.MaxUploadBytes);
            }

            DocumentTypes.Check(name, upload.Content);
            if (names.Contains(name))
            {
                throw new InvalidDocumentException($"Two files in the upload are named '{name}'");
            }

            names.Add(name);
        }

        var created = names.Select(n => repository.BlobIdOf(FilePath(space, n)) is null).ToList();
        var text = !string.IsNullOrWhiteSpace(message) ? message.Trim()
            : names.Count > 1 ? $"Upload {string.Join(", ", names)}"
            : $"{(created[0] ? "Upload" : "New version of")} {names[0]}";
        repository.Commit(new CommitRequest(uploads.Select((u, i) => (FileChange)new PutFile(FilePath(space, names[i]), u.Content)).ToList(), author, text));
        return names.Select((n, i) => (Get(Id(space, n))!, created[i])).ToList();
    }

    /// <summary>The documents of a space, newest first.</summary>
    public IReadOnlyList<DocumentInfo> InSpace(string space)
    {
        var entries = catalog.Current.DocumentsIn(space).ToList();
        var changes = _lastChanges.Of(entries);
        return entries.Select(e =>
        {
            var change = changes.GetValueOrDefault(e.Path);
            var name = e.Path[(e.Path.LastIndexOf('/') + 1)..];
            return new DocumentInfo(Id(space, name), space, name, repository.BlobSize(e.BlobId) ?? 0, e.BlobId,
                change?.Id ?? "", change?.AuthorName ?? "", change?.When ?? DateTimeOffset.MinValue);
        }).OrderByDescending(d => d.Updated).ToList();
    }

    /// <summary>A document's current version, or null.</summary>
    public DocumentInfo? Get(string id)
    {
        if (ParseId(id) is not { } parsed)
        {
            return null;
        }

        var path = FilePath(parsed.Space, parsed.Name);
        var blob = repository.BlobIdOf(path);
        if (blob is null)
        {
            return null;
        }

        var change = _lastChanges.Of(path, blob);
        return new DocumentInfo(Id(parsed.Space, parsed.Name), parsed.Space, parsed.Name, repository.BlobSize(blob) ?? 0, blob,
            change?.Id ?? "", change?.AuthorName ?? "", change?.When ?? DateTimeOffset.MinValue);
    }

    /// <summary>All versions, newest first.</summary>
    public IReadOnlyList<DocumentVersion> Versions(string id)
    {
        var parsed = ParseId(id) ?? throw new DocumentNotFoundException(id);
        var path = FilePath(parsed.Space, parsed.Name);
        return _lastChanges.History.Entries(path, 500)
            .Select(e => new DocumentVersion(e.Commit.Id, e.Commit.AuthorName, e.Commit.When, e.BlobId is { } b ? repository.BlobSize(b) ?? 0 : 0, e.Commit.Subject))
            .ToList();
    }

    /// <summary>The bytes of the current version or of <paramref name="version"/>; null when absent.</summary>
    public byte[]? Content(string id, string? version = null)
    {
        var parsed = ParseId(id) ?? throw new DocumentNotFoundException(id);
        return repository.ReadFile(FilePath(parsed.Space, parsed.Name), version)?.Content;
    }

    /// <summary>Makes an old version current again, as a new version.</summary>
    public DocumentInfo Restore(string id, string version, ContentAuthor author)
    {
        var parsed = ParseId(id) ?? throw new DocumentNotFoundException(id);
        var old = Content(id, version) ?? throw new DocumentNotFoundException(id);
        repository.Commit(new CommitRequest([new PutFile(FilePath(parsed.Space, parsed.Name), old)], author,
            $"Restore {parsed.Name} to {version[..Math.Min(7, version.Length)]}"));
        return Get(id)!;
    }

    /// <summary>The repository path of a document.</summary>
    public static string FilePath(string space, string name) => $"{space}/{Folder}/{name}";
}
