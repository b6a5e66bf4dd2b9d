namespace TeamWiki.Storage.Pages;

/// <summary>Gives the snapshot of all pages and spaces at the tip of the branch.</summary>
public interface IContentCatalog
{
    /// <summary>The snapshot at the current tip; rebuilt (incrementally) after the branch moved.</summary>
    ContentSnapshot Current { get; }
}
