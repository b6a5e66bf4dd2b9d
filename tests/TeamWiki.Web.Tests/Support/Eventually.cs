using System.Diagnostics;
using Xunit.Sdk;

namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// Waiting on a condition instead of sleeping: the probe runs until the condition holds, and when a
/// generous deadline passes first the test fails and says what it waited for and what it last saw. The
/// deadline is there to end a hung test, not to measure speed (that belongs in bench/).
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded 2-core CI machine; a healthy run never comes near it.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="probe"/> until <paramref name="done"/> holds for its result, and returns that result.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string waitingFor, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > limit)
            {
                throw new XunitException($"Gave up after {limit.TotalSeconds:0} s waiting for {waitingFor}; last seen: {Describe(value)}");
            }

            await Task.Delay(Pause);
        }
    }

    /// <summary>Runs <paramref name="condition"/> until it is true.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string waitingFor, TimeSpan? deadline = null) =>
        UntilAsync(condition, ok => ok, waitingFor, deadline);

    private static string Describe<T>(T value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length > 500 ? text[..500] + "…" : text;
    }
}
