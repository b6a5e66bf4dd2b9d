namespace TeamWiki.Search;

/// <summary>
/// What the index holds of one findable thing: a page, task or document from git, or a post, comment or
/// person from the database. The index never reads either: the web app maps its content to this record.
/// </summary>
/// <param name="Kind">"page", "task", "document", "post", "comment" or "person".</param>
/// <param name="Path">Its address, unique within its kind (a page path: <c>space/segment/…</c>).</param>
/// <param name="Title">Title, weighted highest.</param>
/// <param name="Headings">Section headings.</param>
/// <param name="Body">Plain text of the body (no markup).</param>
/// <param name="Tags">Tags, lower case.</param>
/// <param name="Space">Space key.</param>
/// <param name="Author">Who changed it last.</param>
/// <param name="Updated">When it changed last.</param>
/// <param name="Language">"nl" (default) or "en".</param>
/// <param name="Audiences">
/// Further access terms besides <paramref name="Space"/>: a search whose visible spaces name one of them
/// finds the record too (the team stream, people). Each is indexed as a value of the space field, so
/// they must never look like a space key.
/// </param>
/// <param name="Boost">Weight of its title and body against other records (1: none).</param>
/// <param name="Suggestible">False keeps its title out of the suggestions while typing.</param>
public sealed record SearchDocument(
    string Kind,
    string Path,
    string Title,
    IReadOnlyList<string> Headings,
    string Body,
    IReadOnlyList<string> Tags,
    string Space,
    string Author,
    DateTimeOffset Updated,
    string Language = "nl",
    IReadOnlyList<string>? Audiences = null,
    float Boost = 1f,
    bool Suggestible = true)
{
    /// <summary>Unique key in the index: kind and path.</summary>
    public string Id => Key(Kind, Path);

    /// <summary>The index key of a kind and path.</summary>
    public static string Key(string kind, string path) => kind + ":" + path;
}
