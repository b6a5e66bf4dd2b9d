using System.Security.Cryptography;

namespace TeamWiki.Storage.Caching;

/// <summary>
/// The envelope of a derived-data file kept between runs (the catalog, the link graph): a magic number, a
/// format version, the SHA-256 of the body, then the body. Such a file is only a speed-up, so anything
/// that does not match is treated as absent and the data is built again from git. The hash finds damage,
/// not forgery: readers hold every count in the body against the bytes left (<see cref="Count"/>).
/// </summary>
public static class KeptFile
{
    private const int HashLength = 32;

    /// <summary>Where the body starts in the bytes <see cref="ReadVerified"/> returns.</summary>
    public const int HeaderLength = 4 + 4 + HashLength;

    /// <summary>
    /// The whole file, when it exists with this magic number and version and its body is intact; otherwise null.
    /// </summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static byte[]? ReadVerified(string file, int magic, int version)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        return bytes.Length >= HeaderLength
            && BitConverter.ToInt32(bytes, 0) == magic
            && BitConverter.ToInt32(bytes, 4) == version
            && SHA256.HashData(bytes.AsSpan(HeaderLength)).AsSpan().SequenceEqual(bytes.AsSpan(8, HashLength))
            ? bytes
            : null;
    }

    /// <summary>Writes the file through a temporary file, so a crash leaves the old file or the new one.</summary>
    public static void Write(string file, int magic, int version, ReadOnlySpan<byte> body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        using (var stream = File.Create(temp))
        {
            stream.Write(BitConverter.GetBytes(magic));
            stream.Write(BitConverter.GetBytes(version));
            stream.Write(SHA256.HashData(body));
            stream.Write(body);
        }

        File.Move(temp, file, overwrite: true);
    }

    /// <summary>A count from the body, when that many items of at least <paramref name="minBytesEach"/> bytes fit in what is left.</summary>
    /// <exception cref="InvalidDataException">Negative, or more than the rest of the file can hold.</exception>
    public static int Count(BinaryReader reader, int minBytesEach)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && count <= left / minBytesEach
            ? count
            : throw new InvalidDataException($"A count of {count} with {left} bytes left in a kept file");
    }
}
