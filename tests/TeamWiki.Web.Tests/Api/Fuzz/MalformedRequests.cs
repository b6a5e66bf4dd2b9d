using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace TeamWiki.Web.Tests.Api.Fuzz;

/// <summary>A request as sent, kept to print when it fails.</summary>
public sealed record FuzzRequest(string Method, string PathAndQuery, string? ContentType, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers, string Client)
{
    public HttpRequestMessage ToMessage(Uri server)
    {
        var uri = new Uri(server.GetLeftPart(UriPartial.Authority) + PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var message = new HttpRequestMessage(new HttpMethod(Method), uri);
        if (ContentType is not null || Body.Length > 0)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Body);
        return $"{Method} {PathAndQuery} as {Client}; Content-Type: {ContentType ?? "(none)"}; headers: {string.Join(", ", Headers.Select(h => $"{h.Name}: {Short(h.Value)}"))}; body ({Body.Length} bytes): {Short(body)}";
    }

    private static string Short(string s) => s.Length > 120 ? s[..120] + "…" : s;
}

/// <summary>
/// Makes requests that are wrong in every part a client controls: route values, query values, body,
/// content type and headers. None of them is a valid request, so none may write anything; all must be
/// answered with a 4xx (or a harmless 2xx/3xx for routes that take no input at all).
/// </summary>
public static class MalformedRequests
{
    /// <summary>Route and query values: traversal, bad encodings, controls, huge and negative numbers, odd lengths.</summary>
    private static readonly string[] Values =
    [
        "..", "../../etc/passwd", "%2e%2e%2f%2e%2e", "a%2f..%2f..%2fb", "%00", "a%00b", "%01x", "%09", "%0d%0aSet-Cookie:x=1", "%ZZ", "%C0%AE%C0%AE",
        "%FF%FE", "%ED%A0%80", "-1", "0", "-99999999999999999999", "99999999999999999999999", "1e309", "NaN", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "'%20OR%201=1--", "CON", "a//b", "%20", "~", "%E2%80%AE", "%F0%9F%98%80", new string('a', 4000), string.Concat(Enumerable.Repeat("x/", 60)),
        "%5C..%5C..%5Cwindows", "null", "true", "[]", "{}", "%22", "*", "!", "\u00e9", "a.b.c.", "-", "__proto__",
        "/%09/x", "/%5C%5Cevil.example", "//evil.example", "/%0a/x", "2020-13-45T99:99", "P-1D",
    ];

    private static readonly string[] QueryNames =
    [
        "q", "revision", "from", "to", "page", "limit", "unread", "tag", "questions", "version", "inline", "target", "space", "kind",
        "c", "r", "returnUrl", "since", "actor", "handle", "sort", "path", "id", "top", "days", "format",
    ];

    private static readonly (string? Type, Func<Random, byte[]> Body)[] Bodies =
    [
        ("application/json", _ => Utf8("{")),
        ("application/json", _ => Utf8("[]")),
        ("application/json", _ => Utf8("null")),
        ("application/json", _ => Utf8("\"tekst\"")),
        ("application/json", _ => Utf8("12")),
        ("application/json", _ => Utf8("{\"markdown\":123,\"to\":[],\"revision\":{},\"title\":false,\"role\":7,\"version\":[1],\"body\":{},\"key\":null,\"name\":{}}")),
        ("application/json", _ => Utf8("{\"x\":1e999,\"id\":-99999999999999999999,\"page\":9223372036854775808}")),
        ("application/json", _ => Utf8(new string('[', 5000) + new string(']', 5000))),
        ("application/json", _ => Utf8("{\"markdown\":\"\\uD800\",\"to\":\"\\u0000..\\/..\",\"revision\":\"zz\"")),
        ("application/json", _ => [0x7B, 0x22, 0x74, 0x6F, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]),
        ("application/json", _ => []),
        ("application/json; charset=utf-32", _ => Utf8("{}")),
        ("text/plain", _ => Utf8("{\"to\":\"handboek/verplaatst\"}")),
        ("text/plain", _ => Utf8("hallo")),
        ("application/xml", _ => Utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")),
        ("application/x-www-form-urlencoded", _ => Utf8("a=%ZZ&b&=c&%%=1")),
        ("multipart/form-data", _ => Utf8("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nhallo\r\n--x--\r\n")),
        ("multipart/form-data; boundary=x", _ => Utf8("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\0../../etc\"\r\n\r\nhallo\r\n--x--\r\n")),
        ("multipart/form-data; boundary=x", _ => Utf8("--x\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''%ZZ%C0\r\n\r\nhallo\r\n--x--\r\n")),
        ("multipart/form-data; boundary=x", _ => Utf8("--x\r\nContent-Disposition: garbage\r\n\r\nhallo\r\n--x")),
        ("multipart/form-data; boundary=x", _ => Utf8("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"..\"\r\n\r\nhallo\r\n--x--\r\n")),
        ("multipart/form-data; boundary=" + new string('b', 200), _ => Utf8("--b\r\n\r\n")),
        ("application/octet-stream", r => RandomBytes(r, 512)),
        (null, r => RandomBytes(r, 64)),
        ("application/json", r => Utf8("{\"markdown\":\"" + new string('x', 200_000) + "\"")),
        ("garbage/;;;", _ => Utf8("{}")),
    ];

    private static readonly (string Name, string Value)[] Headers =
    [
        ("Accept", "application/xml;q=garbage, */*;q=-1"),
        ("Accept-Language", "zz-ZZ;q=2,,,;q="),
        ("Accept-Encoding", "br;q=x, gzip;q=NaN"),
        ("If-None-Match", "\"unterminated"),
        ("If-Modified-Since", "not a date"),
        ("If-Match", "*, \"a"),
        ("Range", "bytes=999999999999-1, -5-"),
        ("Cookie", ".AspNetCore.Culture=c=xx|uic=%%%"),
        ("Cookie", ".AspNetCore.Identity.Application=AAAA%%%garbage"),
        ("Cookie", ".AspNetCore.Antiforgery.x=;;;==="),
        ("X-Forwarded-For", "999.999.999.999, ::::"),
        ("X-Forwarded-Proto", "javascript"),
        ("Origin", "null"),
        ("Referer", "javascript:alert(1)"),
        ("User-Agent", new string('u', 8000)),
        ("X-Requested-With", "\u0001"),
    ];

    public static FuzzRequest Make(ApiRoute route, Random random, string client)
    {
        // Half the time (never for DELETE, which needs no body) the route names something that exists,
        // so the malformed body, content type and query reach the handler's own validation.
        var existing = route.Method != "DELETE" && random.Next(2) == 0;
        var path = Path(route.Pattern, random, existing);
        var query = random.Next(3) == 0 ? "" : "?" + string.Join("&", Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => $"{Pick(QueryNames, random)}={Pick(Values, random)}"));
        var headers = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(Headers, random)).ToList();
        string? type = null;
        byte[] body = [];
        if (route.Method is "POST" or "PUT" or "PATCH" or "DELETE" || random.Next(10) == 0)
        {
            var (bodyType, make) = Pick(Bodies, random);
            type = bodyType;
            body = make(random);
        }

        return new FuzzRequest(route.Method, path + query, type, body, headers, client);
    }

    /// <summary>
    /// The route with a bad value in every parameter (a catch-all may get several segments), or with
    /// <paramref name="existing"/> a real space or page where the parameter names one.
    /// </summary>
    private static string Path(RoutePattern pattern, Random random, bool existing)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsCatchAll: true } when existing && pattern.RawText!.StartsWith("/api/pages", StringComparison.Ordinal) =>
                        "handboek/onboarding" + Pick(["", "/move", "/revert", "/history", "/diff"], random),
                    RoutePatternParameterPart { IsCatchAll: true } => CatchAll(random),
                    RoutePatternParameterPart { Name: "space" or "key" } when existing && pattern.RawText!.Contains("spaces", StringComparison.Ordinal) => "handboek",
                    RoutePatternParameterPart => Pick(Values, random),
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string CatchAll(Random random) => random.Next(4) switch
    {
        0 => Pick(Values, random),
        1 => "handboek/" + Pick(Values, random),
        2 => Pick(Values, random) + "/move",
        _ => "handboek/" + Pick(Values, random) + "/" + Pick(["history", "diff", "revert", "move"], random),
    };

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
