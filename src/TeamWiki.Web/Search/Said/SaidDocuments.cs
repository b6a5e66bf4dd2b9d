using TeamWiki.Search;
using TeamWiki.Storage.Conversation;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Items;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Search.Said;

/// <summary>
/// Maps what people said (posts with their replies, comments) and the people themselves to the search
/// index's own record. Who finds them is decided as for everything else, by space: a post or comment is in
/// its space, a team-stream post in <see cref="TeamAudience"/>, a person in <see cref="PeopleAudience"/>
/// (staff) and <see cref="PersonAudience"/> (guests who may see them, see <c>ReaderSearch</c>).
/// </summary>
public sealed class SaidDocuments(MarkdownRenderer renderer)
{
    /// <summary>The kind of posts (a post and its replies are one record).</summary>
    public const string PostKind = "post";

    /// <summary>The kind of comments on pages, tasks and documents.</summary>
    public const string CommentKind = "comment";

    /// <summary>The kind of people.</summary>
    public const string PersonKind = "person";

    /// <summary>Who may read the team stream. Space keys are slugs, so a "~" never collides with one.</summary>
    public const string TeamAudience = "~team";

    /// <summary>Who sees everyone in the directory (staff).</summary>
    public const string PeopleAudience = "~people";

    /// <summary>A modest lift for a question with a marked answer: it is the page people were looking for.</summary>
    public const float AnsweredBoost = 1.5f;

    /// <summary>The audience term of one person, for readers who may see only some people.</summary>
    public static string PersonAudience(string userId) => "~person:" + userId;

    /// <summary>The index record of a post with its replies, or null for a removed post.</summary>
    public SearchDocument? FromPost(Post post, IReadOnlyDictionary<string, Person> people)
    {
        if (post.DeletedAt is not null)
        {
            return null;
        }

        var text = renderer.ToPlainText(post.Markdown);
        var replies = post.Replies.Where(r => r.DeletedAt is null).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => renderer.ToPlainText(r.Markdown));
        var updated = post.Replies.Select(r => r.EditedAt ?? r.CreatedAt).Append(post.EditedAt ?? post.CreatedAt).Max();
        return new SearchDocument(PostKind, post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Title(text), [],
            string.Join("\n\n", replies.Prepend(text)), post.TagList, post.SpaceKey ?? "", NameOf(people, post.AuthorId), updated,
            Audiences: post.SpaceKey is null ? [TeamAudience] : null,
            Boost: post.IsQuestion && post.AnswerReplyId is not null ? AnsweredBoost : 1f,
            Suggestible: false);
    }

    /// <summary>The index record of a comment on <paramref name="target"/>, or null for a removed one.</summary>
    public SearchDocument? FromComment(Comment comment, ItemTarget target, IReadOnlyDictionary<string, Person> people) =>
        comment.DeletedAt is not null ? null
            : new SearchDocument(CommentKind, CommentPath(target.Value, comment.Id), target.Title, [], renderer.ToPlainText(comment.Markdown), [],
                target.Space, NameOf(people, comment.AuthorId), comment.EditedAt ?? comment.CreatedAt, Suggestible: false);

    /// <summary>The index record of a person (name, handle, team, job title, "ask me about"), or null for an inactive account.</summary>
    public static SearchDocument? FromPerson(Person person) =>
        !person.IsActive ? null
            : new SearchDocument(PersonKind, person.Handle, person.Name, [],
                string.Join("\n", new[] { "@" + person.Handle, person.Team, person.JobTitle, string.Join(", ", person.Topics) }.Where(s => !string.IsNullOrWhiteSpace(s))),
                [], "", person.Name, person.PhotoUpdatedAt ?? DateTimeOffset.UnixEpoch,
                Audiences: [PeopleAudience, PersonAudience(person.Id)], Suggestible: false);

    /// <summary>
    /// The path of a comment: its target and number, <c>page:space/x#comment-12</c>, so a hit links to the
    /// comment on its target without asking the database.
    /// </summary>
    public static string CommentPath(string target, long id) => $"{target}#comment-{id}";

    private static string NameOf(IReadOnlyDictionary<string, Person> people, string id) => people.TryGetValue(id, out var p) ? p.Name : "";

    // A post has no title: its first line stands in, cut at a word like the stream's excerpts.
    private static string Title(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(line))
        {
            return "…";
        }

        if (line.Length <= 80)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', 79);
        return line[..(cut > 40 ? cut : 79)].TrimEnd() + "…";
    }
}
