namespace TeamWiki.Storage.Items;

/// <summary>The kinds of things the wiki stores in git and that people watch, comment on and search for.</summary>
public enum ItemKind
{
    /// <summary>A Markdown page (<c>space/a/b.md</c>); its id is the page path.</summary>
    Page,

    /// <summary>A task (<c>space/_tasks/1200/HB-1234.md</c>); its id is the task key.</summary>
    Task,

    /// <summary>A document (<c>space/_documents/name</c>); its id is <c>space~name</c>.</summary>
    Document,

    /// <summary>A space (<c>space/_space.yml</c>); its id is the space key.</summary>
    Space,
}
