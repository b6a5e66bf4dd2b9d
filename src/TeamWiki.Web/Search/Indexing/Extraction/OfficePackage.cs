using System.IO.Compression;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// Checks the zip of an Office file before the Open XML SDK opens it. The SDK reads the package's
/// structure (content types and relationships) whole while opening, so those parts are held to a small
/// size here; the content parts are streamed later within their own limits.
/// </summary>
internal static class OfficePackage
{
    /// <summary>Largest structure part (content types, one relationships file) accepted, uncompressed.</summary>
    public const long MaxStructureBytes = 2 * 1024 * 1024;

    /// <summary>Most entries in the zip.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>
    /// Null when the package may be opened, else why not. The sizes are the ones the zip declares;
    /// .NET's zip reader never unpacks more than an entry declares, so they cannot be understated.
    /// </summary>
    public static string? Refusal(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            return $"more than {MaxEntries:N0} parts";
        }

        long structure = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName == "[Content_Types].xml" || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                structure += entry.Length;
            }
        }

        return structure > MaxStructureBytes ? $"package structure larger than {MaxStructureBytes:N0} bytes" : null;
    }
}
