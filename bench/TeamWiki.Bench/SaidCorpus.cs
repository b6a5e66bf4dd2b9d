using TeamWiki.Storage.Conversation;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Bench;

/// <summary>
/// What people said, for the search benchmark of issue 13 §4: posts (a third of them questions, some with
/// replies) and comments on the benchmark's pages, made of real Dutch sentences from the shared corpus, half
/// posts and half comments, spread over the ten spaces (every tenth post in the team stream). Deterministic.
/// </summary>
public static class SaidCorpus
{
    public sealed record Said(IReadOnlyList<Post> Posts, IReadOnlyList<Comment> Comments);

    public static Said Make(int count, IReadOnlyList<string> pagePaths, string authorId)
    {
        var sentences = File.ReadLines(Path.Combine(BenchCorpus.RepositoryRoot(), "..", "shared", "corpus", "sentences.tsv")).Skip(1)
            .Select(l => l[(l.IndexOf('\t') + 1)..]).ToList();
        var random = new Random(13);
        string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => sentences[random.Next(sentences.Count)]));
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var posts = new List<Post>();
        var comments = new List<Comment>();
        for (var i = 0; i < count; i++)
        {
            var at = start.AddMinutes(i);
            if (i % 2 == 0)
            {
                var post = new Post
                {
                    SpaceKey = i % 20 == 0 ? null : $"ruimte-{i / 2 % 10:00}",
                    AuthorId = authorId,
                    Markdown = Text(1, 4),
                    Tags = $"onderwerp-{i % 30}",
                    IsQuestion = i % 3 == 0,
                    CreatedAt = at,
                };
                for (var r = 0; r < i % 3; r++)
                {
                    post.Replies.Add(new Reply { AuthorId = authorId, Markdown = Text(1, 2), CreatedAt = at.AddMinutes(r + 1) });
                }

                posts.Add(post);
            }
            else
            {
                var path = PagePath.Parse(pagePaths[random.Next(pagePaths.Count)]);
                comments.Add(new Comment
                {
                    Target = ItemRef.Page(path).ToString(),
                    SpaceKey = path.Value[..path.Value.IndexOf('/')],
                    AuthorId = authorId,
                    Markdown = Text(1, 3),
                    CreatedAt = at,
                });
            }
        }

        return new Said(posts, comments);
    }
}
