namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// A read-only view of an unpacking stream that ends (reads 0) after <paramref name="maxBytes"/> bytes or
/// when the document's <see cref="ExtractionBudget"/> is spent, so no part is ever read whole when it is
/// larger than allowed. The XML reader on top then sees a truncated document and stops.
/// </summary>
internal sealed class CappedReadStream(Stream inner, long maxBytes, ExtractionBudget budget) : Stream
{
    private long _read;

    /// <summary>True when the stream was cut off rather than read to its end.</summary>
    public bool CutOff { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (budget.Exhausted)
        {
            CutOff = true;
            return 0;
        }

        if (_read >= maxBytes)
        {
            CutOff = true;
            budget.Cut($"a part larger than {maxBytes:N0} bytes");
            return 0;
        }

        var room = Math.Min(maxBytes - _read, budget.BytesLeft + 1);

        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, room)]);
        _read += n;
        budget.Read(n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
