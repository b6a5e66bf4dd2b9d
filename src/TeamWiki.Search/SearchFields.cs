namespace TeamWiki.Search;

/// <summary>Field names in the Lucene index.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Path = "path";
    public const string Space = "space";
    public const string Title = "title";
    public const string Headings = "headings";
    public const string Body = "body";
    public const string Tags = "tag";
    public const string Author = "author";
    public const string Updated = "updated";
    public const string Language = "lang";

    /// <summary>Key in the commit user data that records the last git commit indexed.</summary>
    public const string SourceCommit = "teamwiki.commit";
}
