using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace TeamWiki.Web.Localization;

/// <summary>Dutch by default, English on request (a cookie set by <c>/culture</c>).</summary>
public static class LocalizationSetup
{
    /// <summary>The languages of the UI; the first is the default.</summary>
    public static readonly string[] Cultures = ["nl", "en"];

    /// <summary>Adds resource-based localisation and the culture options.</summary>
    public static IServiceCollection AddTeamWikiLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only an explicit choice switches language: a browser set to English still gets the Dutch default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>GET /culture?c=en&amp;r=/wiki/…</c> stores the choice in a cookie and goes back.</summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? r, HttpContext http) =>
        {
            var culture = Cultures.Contains(c) ? c! : Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(IsLocal(r) ? r! : "/");
        }).AllowAnonymous();

    /// <summary>
    /// A path on this site, by the same rule as <c>LocalRedirect</c> (which throws on anything else): it
    /// starts with one '/', not "//" or "/\\", and holds no control character ("/%09/x" is "//x" to a browser).
    /// </summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
