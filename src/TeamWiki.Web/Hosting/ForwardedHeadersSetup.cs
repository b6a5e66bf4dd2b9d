using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TeamWiki.Web.Hosting;

/// <summary>Applies a trusted reverse proxy's forwarded headers when <see cref="ForwardedHeadersSettings.Enabled"/> is set.</summary>
public static class ForwardedHeadersSetup
{
    /// <summary>Must come first in the pipeline: everything after it reads the client's address, scheme and host.</summary>
    public static WebApplication UseTeamWikiForwardedHeaders(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        if (!settings.Enabled)
        {
            return app;
        }

        // ForwardedHeadersOptions trusts only loopback by default; the configured proxies come on top.
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = settings.ForwardLimit,
        };
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
