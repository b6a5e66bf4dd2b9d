namespace TeamWiki.Web.Tests.Support;

/// <summary>A server started on first use, so a class whose tests are all skipped starts none.</summary>
public sealed class LazyServer<T> : IDisposable where T : TeamWikiFactory, new()
{
    private readonly Lazy<T> _server = new(() => new T());

    public T Server => _server.Value;

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}
