using Microsoft.Extensions.Options;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Media;

/// <summary>
/// Images and other files beside pages: <c>{folder of the page}/_media/{name}</c>, linked from the page as
/// <c>_media/{name}</c> (links resolve relative to the page, as on any git host). A file is checked like a
/// document upload (size limit, no programs, contents that match the extension) and never replaces another
/// file: a name that is taken gets a suffix (<c>-2</c>, <c>-3</c>, …), unless the bytes are the same.
/// The folder depends on where the page lives, not on whether it exists yet, so a page that was never saved
/// stores its files where its links will find them.
/// </summary>
public sealed class PageMedia(GitContentRepository repository, IOptions<StorageOptions> options)
{
    /// <summary>The folder beside a page that holds its files.</summary>
    public const string Folder = "_media";

    // Two writers choosing the same free name at once: the later commit conflicts (both added the path) and
    // chooses again on the new tip.
    private const int Attempts = 5;

    /// <summary>The repository folder of <paramref name="page"/>'s files: <c>handboek/_media</c> for <c>handboek/welkom</c>.</summary>
    public static string FolderOf(PagePath page) => $"{page.Value[..page.Value.LastIndexOf('/')]}/{Folder}";

    /// <summary>
    /// Stores files beside <paramref name="page"/> as one commit, all or nothing: every file is checked
    /// before anything is written.
    /// </summary>
    /// <exception cref="MediaTooLargeException">A file is over <c>MaxUploadBytes</c>; nothing was stored.</exception>
    /// <exception cref="InvalidMediaException">A name holds folders or nothing usable, or a file is refused; nothing was stored.</exception>
    /// <exception cref="MergeConflictException">Other writers kept taking the chosen names; nothing was stored.</exception>
    public IReadOnlyList<StoredMedia> Store(PagePath page, IReadOnlyList<DocumentUpload> uploads, ContentAuthor author)
    {
        if (uploads.Count == 0)
        {
            throw new InvalidMediaException("The upload holds no files");
        }

        var names = uploads.Select(Checked).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var tip = repository.Head;
            var chosen = Choose(FolderOf(page), names, uploads, tip);
            var writes = chosen.Where(c => c.Media.Created).Select(c => (FileChange)new PutFile(c.Media.Path, c.Content)).ToList();
            if (writes.Count == 0)
            {
                return chosen.Select(c => c.Media).ToList();
            }

            try
            {
                var stored = string.Join(", ", chosen.Where(c => c.Media.Created).Select(c => c.Media.Name));
                repository.Commit(new CommitRequest(writes, author, $"Upload {stored} for {page}", tip));
                return chosen.Select(c => c.Media).ToList();
            }
            catch (MergeConflictException) when (attempt < Attempts)
            {
                // Someone stored another file under one of these names since the tip was read: choose again.
            }
        }
    }

    /// <summary>The safe name of an upload after every check; refuses names that try to leave the folder.</summary>
    private string Checked(DocumentUpload upload)
    {
        // Browsers send a bare file name; one with folders in it is a crafted request, not a name to tidy up.
        var sent = upload.FileName ?? "";
        if (sent.Contains('/') || sent.Contains('\\') || sent.Trim() is "." or ".." || sent.Any(char.IsControl) || sent.Contains('\uFFFD'))
        {
            throw new InvalidMediaException($"'{sent}' is not a plain file name");
        }

        var name = DocumentTypes.SafeNameOrNull(sent) ?? throw new InvalidMediaException("The file needs a name with letters or digits");
        if (upload.Content.LongLength > options.Value.MaxUploadBytes)
        {
            throw new MediaTooLargeException(sent, upload.Content.LongLength, options.Value.MaxUploadBytes);
        }

        try
        {
            DocumentTypes.Check(name, upload.Content);
        }
        catch (InvalidDocumentException refused)
        {
            throw new InvalidMediaException(refused.Reason);
        }

        return name;
    }

    /// <summary>Numbered names tried for a taken name (<c>a-2.png</c> … <c>a-100.png</c>) before a random one.</summary>
    private const int MostSuffixes = 100;

    private List<(StoredMedia Media, byte[] Content)> Choose(string folder, List<string> names, IReadOnlyList<DocumentUpload> uploads, string? tip)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var chosen = new List<(StoredMedia, byte[])>();
        for (var i = 0; i < names.Count; i++)
        {
            var content = uploads[i].Content;
            // Compared by blob id: a name taken by many large files must not mean reading each of them.
            var blobId = GitBlobId.Of(content);
            var dot = names[i].LastIndexOf('.');
            var (stem, extension) = dot > 0 ? (names[i][..dot], names[i][dot..]) : (names[i], "");
            for (var n = 1; ; n++)
            {
                // Past MostSuffixes numbered tries, a random suffix: the work per upload stays bounded.
                var name = n == 1 ? names[i]
                    : n <= MostSuffixes ? $"{stem}-{n}{extension}"
                    : $"{stem}-{Guid.NewGuid().ToString("n")[..12]}{extension}";
                var path = $"{folder}/{name}";
                if (!taken.Add(name))
                {
                    continue;
                }

                var existing = tip is null ? null : repository.BlobIdOf(path, tip);
                if (existing is null || string.Equals(existing, blobId, StringComparison.OrdinalIgnoreCase))
                {
                    chosen.Add((new StoredMedia(name, path, $"{Folder}/{name}", existing is null), content));
                    break;
                }
            }
        }

        return chosen;
    }
}
