namespace TeamWiki.Bench;

/// <summary>The docs/benchmarks.md section of <see cref="SaidSearchBenchmark"/>, with its targets (issue 13 §4).</summary>
public static class SaidSearchReport
{
    public static string Format(SaidSearchBenchmark.Result r)
    {
        var http = r.Http;
        var rate = r.Indexed / r.IndexSeconds;
        var overPage = http.Api.P50 / http.RawWithSnippets.P50;
        var overBare = http.Api.P50 / http.RawBare.P50;
        string Verdict(bool met) => met ? "met" : "**missed**";
        return $"""
            {r.Pages:N0} pages from the corpus (`scale_corpus.py`, ten spaces) plus {r.Posts + r.Comments:N0} things people said
            (`bench/TeamWiki.Bench/SaidCorpus.cs`: {r.Posts:N0} posts, a third of them questions, with 0–2 replies,
            every tenth in the team stream; {r.Comments:N0} comments on random pages; real Dutch sentences).

            | indexing, in process, the app's own mappings, all cores | items | time | items/s (target ≥ 1,000) | | CPU time | items per CPU second |
            |---|---:|---:|---:|---|---:|---:|
            | pages + posts + comments, one `WikiSearchIndex.Replace` | {r.Indexed:N0} | {r.IndexSeconds:0.0} s | **{rate:N0}** | {Verdict(rate >= 1000)} | {r.IndexCpuSeconds:0.0} s | {r.Indexed / r.IndexCpuSeconds:N0} |

            The server: the pages seeded into git at its first start, the posts and comments written into its
            database while it was stopped, its index removed; its next start rebuilt the index with everything
            ({http.RawDocuments:N0} documents) in {r.RebuildSeconds:0} s. Then {http.Api.Count:N0} queries of one to three
            corpus words, one after another on one signed-in connection (an administrator: no space filter), each
            followed in this process by the raw Lucene query that produces the same results page, on a reader of the
            server's own index folder: the query TeamWiki's `QueryBuilder` builds, ranking tiers included
            (`RawLucene.BuildRanked`), bare and with the same snippet work for the ten hits. The top ten paths over
            HTTP and raw were the same for {http.SameTopTen} of {http.Api.Count} queries (the others were not examined; words
            the index does not know, which TeamWiki widens with fuzzy matches and the raw query does not, are one cause).

            | | p50 | p99 |
            |---|---:|---:|
            | raw Lucene on the server's index, bare (top 10 paths) | {http.RawBare.P50:0.00} ms | {http.RawBare.P99:0.00} ms |
            | raw Lucene + stored fields and snippets of the 10 hits (the same results page) | {http.RawWithSnippets.P50:0.00} ms | {http.RawWithSnippets.P99:0.00} ms |
            | TeamWiki over HTTP: `GET /api/search?q=…`, sign-in cookie, loopback | **{http.Api.P50:0.00} ms** | {http.Api.P99:0.00} ms |
            | for scale: `GET /api/me` on the same connection | {http.Floor.P50:0.00} ms | {http.Floor.P99:0.00} ms |

            | ratio of p50s, measured in this run | ratio | target | |
            |---|---:|---:|---|
            | HTTP against the raw query with the same results page | **{overPage:0.00}×** | ≤ 1.5× | {Verdict(overPage <= 1.5)} |
            | HTTP against the bare raw query (no stored fields, no snippets) | {overBare:0.00}× | | |
            """;
    }
}
