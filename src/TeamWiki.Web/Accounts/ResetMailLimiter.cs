using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// At most one forgotten-password e-mail per address per <see cref="PasswordResetOptions.MinutesBetweenMails"/>:
/// the form answers the same either way, so nobody learns of the limit, but nobody's inbox is flooded.
/// </summary>
public sealed class ResetMailLimiter(IOptionsMonitor<PasswordResetOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastMail = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True, and the time noted, when a mail to <paramref name="email"/> may go out now.</summary>
    public bool TryTake(string email)
    {
        var now = time.GetUtcNow();
        var gap = TimeSpan.FromMinutes(Math.Max(0, options.CurrentValue.MinutesBetweenMails));
        if (_lastMail.Count > 10_000)
        {
            // Old entries no longer limit anything; dropping them keeps the table small.
            foreach (var (key, at) in _lastMail)
            {
                if (now - at >= gap)
                {
                    _lastMail.TryRemove(key, out _);
                }
            }
        }

        while (true)
        {
            if (!_lastMail.TryGetValue(email, out var last))
            {
                if (_lastMail.TryAdd(email, now))
                {
                    return true;
                }

                continue;
            }

            if (now - last < gap)
            {
                return false;
            }

            if (_lastMail.TryUpdate(email, now, last))
            {
                return true;
            }
        }
    }
}
