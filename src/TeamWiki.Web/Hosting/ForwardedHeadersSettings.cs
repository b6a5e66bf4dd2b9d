namespace TeamWiki.Web.Hosting;

/// <summary>
/// Trust in a reverse proxy's <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> headers (configuration
/// section <c>TeamWiki:ForwardedHeaders</c>). Off by default: a wiki reached directly must not let a
/// client claim another address. Behind a proxy, turn it on so that sign-in throttling counts each
/// person's own address (not the proxy's, which would make everyone share one limit), links and cookies
/// know the request was https, and the cross-site check sees the host the browser used.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:ForwardedHeaders";

    /// <summary>Apply forwarded headers (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of proxies whose headers are believed, besides loopback (127.0.0.1, ::1), e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>172.16.0.0/12</c> for a Docker network.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are undone (default 1: one proxy in front of the wiki).</summary>
    public int ForwardLimit { get; set; } = 1;
}
