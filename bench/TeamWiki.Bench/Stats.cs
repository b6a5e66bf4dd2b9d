namespace TeamWiki.Bench;

/// <summary>Percentiles of a set of timings.</summary>
public sealed class Stats(IEnumerable<double> millis)
{
    private readonly double[] _sorted = millis.Order().ToArray();

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double P99 => Percentile(99);

    public double Total => _sorted.Sum();

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
