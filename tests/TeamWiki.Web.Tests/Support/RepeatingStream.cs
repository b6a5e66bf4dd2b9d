using System.Text;

namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// A read-only stream of <c>head</c>, then <c>body</c> repeated until about <c>size</c> bytes, then
/// <c>tail</c>: huge, highly compressible XML or PDF content made on the fly, never held in memory.
/// </summary>
public sealed class RepeatingStream(string head, string body, string tail, long size) : Stream
{
    private readonly byte[] _head = Encoding.UTF8.GetBytes(head);
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);
    private readonly byte[] _tail = Encoding.UTF8.GetBytes(tail);
    private long _position;

    private long Repeats => Math.Max(1, (size - _head.Length - _tail.Length) / _body.Length);

    public override long Length => _head.Length + (Repeats * _body.Length) + _tail.Length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        var bodyEnd = _head.Length + (Repeats * _body.Length);
        while (written < count && _position < Length)
        {
            var (source, from) = _position < _head.Length ? (_head, _position)
                : _position < bodyEnd ? (_body, (_position - _head.Length) % _body.Length)
                : (_tail, _position - bodyEnd);
            var n = (int)Math.Min(count - written, source.Length - from);
            Array.Copy(source, from, buffer, offset + written, n);
            written += n;
            _position += n;
        }

        return written;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
