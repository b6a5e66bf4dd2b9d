using System.Net;
using System.Text.RegularExpressions;

namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// What a browser does, over plain HTTP: keeps cookies, reads the sign-in form's hidden fields
/// (antiforgery token, Blazor's form name) and posts it, and marks its own requests as same-origin the
/// way Chromium does (<c>Origin</c>, <c>Sec-Fetch-Site</c>). An optional <c>X-Forwarded-For</c> makes the
/// session look like another client address to a server that trusts forwarded headers.
/// </summary>
public sealed partial class BrowserSession
{
    private readonly CookieContainer _cookies = new();
    private readonly string? _forwardedFor;

    public BrowserSession(Uri baseAddress, string? forwardedFor = null)
    {
        BaseAddress = baseAddress;
        _forwardedFor = forwardedFor;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = _cookies })
        {
            BaseAddress = baseAddress,
        };
    }

    public Uri BaseAddress { get; }

    /// <summary>The client; it sends the session's cookies with every request.</summary>
    public HttpClient Client { get; }

    /// <summary>The session's cookies (for a WebSocket opened beside the client).</summary>
    public CookieContainer Cookies => _cookies;

    /// <summary>The wiki's own origin, as a browser writes it in <c>Origin</c>.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>True while the session holds a sign-in cookie.</summary>
    public bool HasSignInCookie => _cookies.GetCookies(BaseAddress).Any(c => c.Name.StartsWith("teamwiki.auth", StringComparison.Ordinal) && !c.Expired);

    /// <summary>A request as the wiki's own page would send it.</summary>
    public HttpRequestMessage SameOrigin(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return Forwarded(request);
    }

    /// <summary>Sends a request unchanged except for the forwarded address.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(Forwarded(request));

    /// <summary>Opens the sign-in page and posts the form (to <paramref name="url"/>); returns the answer to the POST.</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string email, string password, string url = "/account/login")
    {
        var fields = await FormFieldsAsync("/account/login", "login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await Client.SendAsync(SameOrigin(HttpMethod.Post, url, new FormUrlEncodedContent(fields)));
    }

    /// <summary>Signs in and fails the test unless the form redirected with a sign-in cookie.</summary>
    public async Task<BrowserSession> SignInAsync(string email, string password)
    {
        var response = await PostSignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Found && HasSignInCookie,
            $"sign-in as {email} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return this;
    }

    /// <summary>
    /// The hidden fields of the form on <paramref name="url"/> that posts to <paramref name="action"/> (or the
    /// Blazor form named so): what the browser would send back with it.
    /// </summary>
    public async Task<Dictionary<string, string>> FormFieldsAsync(string url, string formNameOrAction)
    {
        var page = await Client.SendAsync(SameOrigin(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var form = FormPattern().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"action=\"{formNameOrAction}\"") || f.Contains($"value=\"{formNameOrAction}\""));
        Assert.True(form is not null, $"no form '{formNameOrAction}' on {url}");
        return HiddenPattern().Matches(form).Select(m => m.Value)
            .ToDictionary(input => Attribute(input, "name"), input => WebUtility.HtmlDecode(Attribute(input, "value")));
    }

    private static string Attribute(string element, string name) =>
        Regex.Match(element, $"\\s{name}=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : "";

    private HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        if (_forwardedFor is not null && !request.Headers.Contains("X-Forwarded-For"))
        {
            request.Headers.Add("X-Forwarded-For", _forwardedFor);
        }

        return request;
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex HiddenPattern();
}
