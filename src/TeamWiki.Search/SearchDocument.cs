namespace TeamWiki.Search;

/// <summary>
/// What the index holds of one findable thing (a page now; tasks and documents later). The index never
/// reads git: the web app maps its content to this record.
/// </summary>
/// <param name="Kind">"page", "task" or "document".</param>
/// <param name="Path">Its address, unique within its kind (a page path: <c>space/segment/…</c>).</param>
/// <param name="Title">Title, weighted highest.</param>
/// <param name="Headings">Section headings.</param>
/// <param name="Body">Plain text of the body (no markup).</param>
/// <param name="Tags">Tags, lower case.</param>
/// <param name="Space">Space key.</param>
/// <param name="Author">Who changed it last.</param>
/// <param name="Updated">When it changed last.</param>
/// <param name="Language">"nl" (default) or "en".</param>
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
    string Language = "nl")
{
    /// <summary>Unique key in the index: kind and path.</summary>
    public string Id => Key(Kind, Path);

    /// <summary>The index key of a kind and path.</summary>
    public static string Key(string kind, string path) => kind + ":" + path;
}
