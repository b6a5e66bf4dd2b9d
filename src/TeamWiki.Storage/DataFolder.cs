namespace TeamWiki.Storage;

/// <summary>
/// The layout of the data folder: everything a TeamWiki installation keeps. Back it up as a whole;
/// the search index inside it can always be rebuilt from the repository.
/// </summary>
/// <param name="Root">The folder (absolute).</param>
public sealed record DataFolder(string Root)
{
    /// <summary>The bare git repository with all pages.</summary>
    public string GitDirectory => Path.Combine(Root, "wiki.git");

    /// <summary>The SQLite database (accounts, tokens).</summary>
    public string DatabaseFile => Path.Combine(Root, "teamwiki.db");

    /// <summary>The Lucene index.</summary>
    public string IndexDirectory => Path.Combine(Root, "index");

    /// <summary>
    /// The page catalog at a recent commit (its files and the titles and tags parsed from its pages), so a restart
    /// need not list the tree or read every page (derived, safe to delete: the tree is listed when it is missing).
    /// </summary>
    public string CatalogCacheFile => Path.Combine(Root, "cache", "catalog.bin");

    /// <summary>Who changed which item when, indexed from git (derived, safe to delete: it is rebuilt at start).</summary>
    public string HistoryIndexFile => Path.Combine(Root, "cache", "history.db");

    /// <summary>ASP.NET data protection keys, so sign-in cookies survive a restart.</summary>
    public string KeysDirectory => Path.Combine(Root, "keys");

    /// <summary>Creates the folder when missing and returns the layout for it.</summary>
    public static DataFolder Prepare(string path)
    {
        var root = Path.GetFullPath(path);
        Directory.CreateDirectory(root);
        return new DataFolder(root);
    }
}
