namespace TeamWiki.Web.Accounts;

/// <summary>
/// How often one client address may try to sign in (configuration section <c>TeamWiki:SignIn</c>).
/// Every attempt counts, right or wrong. The defaults allow 10 attempts per 5 minutes per address: a
/// person who mistypes a few times never notices, a guesser gets fewer than 3,000 tries a day. Behind a
/// reverse proxy, set <c>TeamWiki:ForwardedHeaders</c> so each person's own address is counted, not the
/// proxy's.
/// </summary>
public sealed class SignInThrottlingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:SignIn";

    /// <summary>Sign-in attempts allowed per client address within <see cref="Window"/> (default 10).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The sliding window the attempts are counted in (default 5 minutes).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
