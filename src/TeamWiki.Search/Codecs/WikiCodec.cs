using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace TeamWiki.Search.Codecs;

/// <summary>
/// Lucene 4.6's codec with stored fields kept uncompressed. Every hit on a results page reads its stored body
/// for the snippet; Lucene's LZ4 decompresses a 16-KB chunk byte by byte up to the document it wants, which
/// was about a fifth of a search's CPU. Text compresses to roughly half, so the price is disk, not memory:
/// the index is read through memory-mapped files.
/// </summary>
[CodecName("TeamWiki46")]
public sealed class WikiCodec : FilterCodec
{
    private static int _registered;
    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("TeamWikiStoredFields", UncompressedMode.Instance, 1 << 14);

    /// <summary>Creates the codec (Lucene creates it by name when it opens a segment written with it).</summary>
    public WikiCodec()
        : base(new Lucene46Codec())
    {
    }

    /// <inheritdoc />
    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>Lets Lucene find this codec by the name written into each segment; once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(WikiCodec)] });
        }
    }
}
