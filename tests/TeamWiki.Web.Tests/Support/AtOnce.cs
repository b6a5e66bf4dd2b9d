using System.Net;

namespace TeamWiki.Web.Tests.Support;

/// <summary>Sends the same request several times at once, as a double (or tenfold) click does.</summary>
public static class AtOnce
{
    /// <summary>
    /// Starts <paramref name="count"/> requests from one gate, so they reach the server together, and asserts
    /// that none answered 5xx (the body of the first that did is in the failure message).
    /// </summary>
    public static async Task<HttpResponseMessage[]> AtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await send(i);
        }).ToList();
        gate.SetResult();
        var responses = await Task.WhenAll(requests);
        if (responses.FirstOrDefault(r => (int)r.StatusCode >= 500) is { } failed)
        {
            Assert.Fail($"{(int)failed.StatusCode} {failed.StatusCode} for {failed.RequestMessage?.Method} {failed.RequestMessage?.RequestUri}: {await failed.Content.ReadAsStringAsync()}");
        }

        return responses;
    }

    /// <summary>The status codes, for messages.</summary>
    public static string Codes(this IEnumerable<HttpResponseMessage> responses) =>
        string.Join(", ", responses.Select(r => (int)r.StatusCode));

    /// <summary>How many answered <paramref name="status"/>.</summary>
    public static int Count(this IEnumerable<HttpResponseMessage> responses, HttpStatusCode status) =>
        responses.Count(r => r.StatusCode == status);
}
