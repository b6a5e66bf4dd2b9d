namespace TeamWiki.Web.Tests.Support;

/// <summary>
/// A test that needs the shared corpus: reported as skipped, with the reason, when the corpus is
/// absent, so a run without it shows what it did not check instead of passing quietly. Where the
/// corpus is required (<see cref="SharedCorpus.RequiredVariable"/>, set in CI) the test runs and fails.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!SharedCorpus.Present && !SharedCorpus.Required)
        {
            Skip = $"The shared corpus is absent ({SharedCorpus.Pages}, {SharedCorpus.DevQueries}); " +
                "clone the repository beside ../shared to run this test (CI always does).";
        }
    }
}
