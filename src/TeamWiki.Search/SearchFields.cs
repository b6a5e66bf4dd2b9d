namespace TeamWiki.Search;

/// <summary>Field names in the Lucene index.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Path = "path";
    public const string Space = "space";
    public const string SpaceFacet = "space_dv";
    public const string Tags = "tag";
    public const string TagFacet = "tag_dv";
    public const string Author = "author";
    public const string AuthorText = "author_text";
    public const string Updated = "updated";
    public const string UpdatedSort = "updated_dv";
    public const string Language = "lang";

    /// <summary>Dutch-analysed title; the stored title is <see cref="TitleStored"/>.</summary>
    public const string Title = "title";
    public const string TitleStored = "title_stored";
    public const string TitleEnglish = "title_en";

    /// <summary>Title words as written, for suggestions while typing.</summary>
    public const string TitleWords = "title_words";
    public const string Headings = "headings";

    /// <summary>Dutch-analysed plain text, stored for snippets.</summary>
    public const string Body = "body";
    public const string BodyEnglish = "body_en";

    /// <summary>Title and body with compounds split into parts, queried at low weight.</summary>
    public const string Parts = "parts";

    /// <summary>Title and body words as written: the vocabulary for spelling suggestions and fuzzy matching.</summary>
    public const string Words = "words";

    /// <summary>Key in the commit user data that records the last git commit indexed.</summary>
    public const string SourceCommit = "teamwiki.commit";

    /// <summary>Key in the commit user data that records the analysis and field layout.</summary>
    public const string Schema = "teamwiki.schema";

    /// <summary>Bump when analysis or fields change: an index of another schema is rebuilt from git.</summary>
    public const string SchemaVersion = "7";
}
