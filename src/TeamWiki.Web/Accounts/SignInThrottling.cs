using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using TeamWiki.Web.Localization;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Limits password attempts per client address with ASP.NET Core's rate limiter, counting in the one
/// <see cref="PasswordAttempts"/> bucket per address. Over the limit the answer is 429 with
/// <c>Retry-After</c> and a short page saying so. Only the form's POST is counted; showing it is never limited.
/// </summary>
public static class SignInThrottling
{
    /// <summary>The form that checks passwords.</summary>
    public const string SignInPath = "/account/login";

    /// <summary>
    /// The rate-limiting policy; the sign-in page carries it as <c>[EnableRateLimiting]</c>, so every URL
    /// spelling that reaches the page (case, trailing slash, query) is counted alike.
    /// </summary>
    public const string PolicyName = "sign-in";

    /// <summary>Registers the options and the limiter.</summary>
    public static WebApplicationBuilder AddTeamWikiSignInThrottling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInThrottlingOptions>()
            .Bind(builder.Configuration.GetSection(SignInThrottlingOptions.Section))
            .Validate(o => o.MaxAttempts > 0 && o.Window > TimeSpan.Zero, "TeamWiki:SignIn needs MaxAttempts above 0 and a positive Window.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PasswordAttempts>();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(PolicyName, Partition);
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>Only the POST checks a password; showing the form is never limited.</summary>
    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var attempts = context.RequestServices.GetRequiredService<PasswordAttempts>();
        return RateLimitPartition.Get(ClientKey(context.Connection.RemoteIpAddress), attempts.BucketFor);
    }

    /// <summary>
    /// The address an attempt is counted against. An IPv6 client usually owns a whole /64 and could
    /// change address for every guess, so IPv6 addresses count per /64 network.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var context = rejected.HttpContext;
        var services = context.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInThrottling))
            .LogWarning("Too many sign-in attempts from {Client}", ClientKey(context.Connection.RemoteIpAddress));

        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = services.GetRequiredService<PasswordAttempts>().RetryAfterSeconds(rejected.Lease);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // The API answers its refusals as problem details, this one too (POST /api/me/password declares it).
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many attempts", detail: "Too many password attempts from this address; try again after Retry-After seconds.").ExecuteAsync(context);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page(services.GetRequiredService<IStringLocalizer<SharedResource>>()), cancellation);
    }

    /// <summary>A page of its own: the form cannot be rendered without running the component that checks passwords.</summary>
    private static string Page(IStringLocalizer<SharedResource> L)
    {
        var html = HtmlEncoder.Default;
        return $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{html.Encode(L["Sign in"])} · TeamWiki</title><link rel="stylesheet" href="/app.css" /></head>
            <body><div class="account-shell"><header class="account-header"><span class="brand">TeamWiki</span></header>
            <main id="main" class="account-main"><h1>{html.Encode(L["Sign in"])}</h1>
            <p class="notice notice-error" role="alert" id="login-error">{html.Encode(L["Too many sign-in attempts from your address. Try again in a few minutes."])}</p>
            <p><a href="{SignInPath}">{html.Encode(L["Back to sign-in"])}</a></p></main></div></body>
            </html>
            """;
    }
}
