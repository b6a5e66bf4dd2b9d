using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// The one count of password attempts per client address (<see cref="SignInThrottling.ClientKey"/>): a
/// token bucket of <see cref="SignInThrottlingOptions.MaxAttempts"/>, refilled evenly over
/// <see cref="SignInThrottlingOptions.Window"/>. The sign-in and forgotten-password forms and
/// <c>POST /api/me/password</c> draw from it through the rate-limiting middleware's policy; the profile
/// page's password form draws from it directly (one component among others on the page, so the page
/// itself cannot carry the policy). One bucket for all of them: a guesser cannot add the allowances up.
/// </summary>
public sealed class PasswordAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets;

    /// <summary>Makes the buckets from the configured limit.</summary>
    public PasswordAttempts(IOptions<SignInThrottlingOptions> options)
    {
        var o = options.Value;
        Window = o.Window;
        _buckets = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.MaxAttempts,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = o.Window / o.MaxAttempts,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>The window the attempts are counted in (the wait to name when a lease says nothing).</summary>
    public TimeSpan Window { get; }

    /// <summary>Takes one attempt for the request's client address; dispose the lease, check <c>IsAcquired</c>.</summary>
    public RateLimitLease Take(HttpContext context) => _buckets.AttemptAcquire(SignInThrottling.ClientKey(context.Connection.RemoteIpAddress));

    /// <summary>Seconds to wait after a refused <paramref name="lease"/>, for <c>Retry-After</c> (at least 1).</summary>
    public string RetryAfterSeconds(RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bucket of <paramref name="key"/> as a limiter of its own, for the middleware's policy.</summary>
    internal RateLimiter BucketFor(string key) => new Bucket(_buckets, key);

    /// <inheritdoc />
    public void Dispose() => _buckets.Dispose();

    /// <summary>
    /// A view of one address's bucket. The middleware keeps the limiters its policy hands out and
    /// disposes idle ones; this view holds no state, so it says it is always idle (dropped and made anew
    /// at will) and disposing it leaves the bucket alone.
    /// </summary>
    private sealed class Bucket(PartitionedRateLimiter<string> buckets, string key) : RateLimiter
    {
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => buckets.GetStatistics(key);

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => buckets.AttemptAcquire(key, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            buckets.AcquireAsync(key, permitCount, cancellationToken);
    }
}
