using System.Collections.Concurrent;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// Tells open circuits that someone has new notifications: the bell subscribes for its user and reloads
/// its count when called. In-process only (one server); subscribers must not block.
/// </summary>
public sealed class NotificationHub
{
    private readonly ConcurrentDictionary<string, ImmutableCallbacks> _byUser = new();

    /// <summary>Calls <paramref name="changed"/> whenever <paramref name="userId"/>'s notifications change; dispose to stop.</summary>
    public IDisposable Subscribe(string userId, Action changed)
    {
        _byUser.AddOrUpdate(userId, _ => new ImmutableCallbacks([changed]), (_, list) => list.With(changed));
        return new Subscription(() => _byUser.AddOrUpdate(userId, _ => new ImmutableCallbacks([]), (_, list) => list.Without(changed)));
    }

    /// <summary>Raised for each user whose notifications changed, before that user's subscribers are woken (caches forget first).</summary>
    public event Action<string>? Invalidated;

    /// <summary>Wakes the subscribers of each user.</summary>
    public void Changed(IEnumerable<string> userIds)
    {
        foreach (var id in userIds.Distinct())
        {
            Invalidated?.Invoke(id);
            if (_byUser.TryGetValue(id, out var list))
            {
                foreach (var callback in list.Items)
                {
                    callback();
                }
            }
        }
    }

    private sealed record ImmutableCallbacks(IReadOnlyList<Action> Items)
    {
        public ImmutableCallbacks With(Action a) => new([.. Items, a]);

        public ImmutableCallbacks Without(Action a) => new(Items.Where(x => x != a).ToList());
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
