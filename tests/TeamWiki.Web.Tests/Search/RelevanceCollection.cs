namespace TeamWiki.Web.Tests.Search;

/// <summary>The relevance tests share one set of indexes (building them loads the Dutch lexicon).</summary>
[CollectionDefinition(Name)]
public sealed class RelevanceCollection : ICollectionFixture<RelevanceIndex>
{
    public const string Name = "relevance";
}
