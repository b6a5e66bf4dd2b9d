using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace TeamWiki.Search.Codecs;

/// <summary>A "compression" that stores the bytes as they are, so reading one document is a skip and one bulk read.</summary>
internal sealed class UncompressedMode : CompressionMode
{
    public static readonly UncompressedMode Instance = new();

    public override Compressor NewCompressor() => new Raw();

    public override Decompressor NewDecompressor() => new Unraw();

    public override string ToString() => "Uncompressed";

    private sealed class Raw : Compressor
    {
        public override void Compress(byte[] bytes, int off, int len, DataOutput output) => output.WriteBytes(bytes, off, len);
    }

    private sealed class Unraw : Decompressor
    {
        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (offset < 0 || length < 0 || offset + length > originalLength)
            {
                throw new CorruptIndexException($"Stored fields slice {offset}+{length} outside a chunk of {originalLength} bytes");
            }

            if (bytes.Bytes.Length < length)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(length, 1)];
            }

            input.SkipBytes(offset);
            input.ReadBytes(bytes.Bytes, 0, length);
            bytes.Offset = 0;
            bytes.Length = length;
        }

        public override object Clone() => this;
    }
}
