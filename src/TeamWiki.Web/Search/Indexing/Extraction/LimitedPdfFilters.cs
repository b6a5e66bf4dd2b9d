using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// PdfPig's stream filters, held to the document's <see cref="ExtractionBudget"/>. PdfPig unpacks a
/// stream whole into memory before it reads it, so a Flate stream of a few kilobytes that inflates to
/// gigabytes would be unpacked whole. Here a Flate stream is first inflated into nothing, counting, and
/// handed to PdfPig only when it fits; filters whose output cannot be counted cheaply are judged by
/// their worst-case expansion.
/// </summary>
internal sealed class LimitedPdfFilters(ExtractionBudget budget) : IFilterProvider
{
    private static readonly IFilterProvider Inner = DefaultFilterProvider.Instance;

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Inner.GetFilters(dictionary).Select(Wrap).ToList();

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Inner.GetNamedFilters(names).Select(Wrap).ToList();

    /// <inheritdoc />
    public IReadOnlyList<IFilter> GetAllFilters() => Inner.GetAllFilters().Select(Wrap).ToList();

    private IFilter Wrap(IFilter filter) => new Limited(filter, budget);

    private sealed class Limited(IFilter inner, ExtractionBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var cap = Math.Min(budget.Limits.MaxPartBytes, budget.BytesLeft);
            var worstCase = inner switch
            {
                FlateFilter => Inflated(input, cap + 1),
                // Worst cases: a run-length pair (2 bytes) makes 128; a 9-bit LZW code can stand for a
                // string of up to ~3,800 bytes.
                RunLengthFilter => input.Length * 64L,
                LzwFilter => input.Length * 3_500L,
                _ => 0,
            };
            if (budget.Exhausted || worstCase > cap)
            {
                budget.Cut($"a PDF stream larger than {cap:N0} bytes unpacked");
                throw new InvalidOperationException("PDF stream over the extraction limit");
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (!budget.Read(output.Length))
            {
                throw new InvalidOperationException("PDF over the extraction limit");
            }

            return output;
        }

        /// <summary>How many bytes the zlib data inflates to, counted up to <paramref name="limit"/>.</summary>
        private static long Inflated(Memory<byte> input, long limit)
        {
            if (input.Length < 2)
            {
                return 0;
            }

            // PDF Flate data is zlib: a two-byte header, then raw deflate (which is how PdfPig reads it too).
            using var deflate = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
            var scratch = new byte[81_920];
            long total = 0;
            try
            {
                int n;
                while (total < limit && (n = deflate.Read(scratch)) > 0)
                {
                    total += n;
                }
            }
            catch (InvalidDataException)
            {
                // Corrupt data ends where it breaks; PdfPig will find the same break.
            }

            return total;
        }
    }
}
