using System.Text;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Documents;

/// <summary>
/// File names and types of uploads: names become safe (no folders, no odd characters), and the content
/// must match what the extension claims (a ".pdf" must start like a PDF), so a file cannot pass for
/// something it is not. Programs and scripts are refused outright.
/// </summary>
public static class DocumentTypes
{
    private static readonly HashSet<string> Refused = ["exe", "dll", "com", "bat", "cmd", "msi", "scr", "ps1", "vbs", "jar", "apk", "app", "sh", "js", "mjs", "hta", "lnk", "reg"];

    private static readonly Dictionary<string, byte[][]> Signatures = new()
    {
        ["pdf"] = ["%PDF"u8.ToArray()],
        ["png"] = [[0x89, 0x50, 0x4E, 0x47]],
        ["jpg"] = [[0xFF, 0xD8, 0xFF]],
        ["jpeg"] = [[0xFF, 0xD8, 0xFF]],
        ["gif"] = ["GIF8"u8.ToArray()],
        ["docx"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["xlsx"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["pptx"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["odt"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["zip"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["doc"] = [[0xD0, 0xCF, 0x11, 0xE0]],
        ["xls"] = [[0xD0, 0xCF, 0x11, 0xE0]],
        ["ppt"] = [[0xD0, 0xCF, 0x11, 0xE0]],
    };

    private static readonly HashSet<string> Text = ["txt", "md", "csv", "json", "xml", "yml", "yaml", "log"];

    /// <summary>"Offerte Atlas v2.PDF" → "offerte-atlas-v2.pdf"; folders and odd characters go.</summary>
    /// <exception cref="InvalidDocumentException">Nothing usable is left.</exception>
    public static string SafeName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        var dot = name.LastIndexOf('.');
        var stem = Slug.From(dot > 0 ? name[..dot] : name);
        var extension = dot > 0 ? new string(name[(dot + 1)..].ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(10).ToArray()) : "";
        if (stem.Length == 0)
        {
            throw new InvalidDocumentException("The file needs a name with letters or digits");
        }

        if (stem.Length > 80)
        {
            stem = stem[..80].TrimEnd('-');
        }

        return extension.Length > 0 ? $"{stem}.{extension}" : stem;
    }

    /// <summary>The safe form of a name, or null when nothing usable is left.</summary>
    public static string? SafeNameOrNull(string? fileName)
    {
        try
        {
            return SafeName(fileName);
        }
        catch (InvalidDocumentException)
        {
            return null;
        }
    }

    /// <summary>The lower-case extension of a name, or "".</summary>
    public static string Extension(string name) => name.LastIndexOf('.') is var dot and > 0 ? name[(dot + 1)..].ToLowerInvariant() : "";

    /// <summary>Refuses programs, and contents that do not match the extension.</summary>
    /// <exception cref="InvalidDocumentException">Refused.</exception>
    public static void Check(string name, ReadOnlySpan<byte> content)
    {
        var extension = Extension(name);
        if (Refused.Contains(extension))
        {
            throw new InvalidDocumentException($"Files of type .{extension} (programs and scripts) cannot be uploaded");
        }

        if (Signatures.TryGetValue(extension, out var signatures) && !StartsWithAny(content, signatures))
        {
            throw new InvalidDocumentException($"The contents of '{name}' are not a .{extension} file");
        }

        if (Text.Contains(extension) && (content.IndexOf((byte)0) >= 0 || !Utf8.IsValid(content)))
        {
            throw new InvalidDocumentException($"'{name}' is not UTF-8 text");
        }
    }

    private static bool StartsWithAny(ReadOnlySpan<byte> content, byte[][] signatures)
    {
        foreach (var signature in signatures)
        {
            if (content.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for types a browser shows safely inside the wiki (images, PDF); everything else is a download.</summary>
    public static bool IsPreviewable(string name) => Extension(name) is "png" or "jpg" or "jpeg" or "gif" or "webp" or "pdf";

    private static class Utf8
    {
        public static bool IsValid(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
