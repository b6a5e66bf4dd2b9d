using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// At most <see cref="InvitationOptions.MaxPerWindow"/> invitations per inviter within a sliding
/// <see cref="InvitationOptions.Window"/>. The pending limit alone does not bound the mail: inviting and
/// revoking in a loop keeps the pending count at one while every round e-mails someone.
/// Only invitations that are made count; a refused request (a typo, a taken address) does not.
/// </summary>
public sealed class InvitationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _inviters;
    private readonly TimeSpan _segment;

    /// <summary>Makes the windows from the configured limit.</summary>
    public InvitationLimiter(IOptions<InvitationOptions> options)
    {
        var o = options.Value;
        // Six segments: an allowance comes back in steps of a sixth of the window, not all at once.
        const int segments = 6;
        _segment = o.Window / segments;
        _inviters = PartitionedRateLimiter.Create<string, string>(inviter => RateLimitPartition.GetSlidingWindowLimiter(inviter, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = o.MaxPerWindow,
            Window = o.Window,
            SegmentsPerWindow = segments,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Counts one invitation by <paramref name="inviterId"/>; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryTake(string inviterId)
    {
        using var lease = _inviters.AttemptAcquire(inviterId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : _segment;
    }

    /// <inheritdoc />
    public void Dispose() => _inviters.Dispose();
}
