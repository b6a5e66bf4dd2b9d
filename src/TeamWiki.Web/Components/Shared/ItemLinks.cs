using TeamWiki.Web.Indexing;

namespace TeamWiki.Web.Components.Shared;

/// <summary>Where the UI shows a page, task or document (the kinds of search hits).</summary>
public static class ItemLinks
{
    /// <summary>The UI address of an item of a kind (<c>page</c>, <c>task</c>, <c>document</c>) by its id.</summary>
    public static string For(string kind, string id) => kind switch
    {
        PageDocuments.TaskKind => $"/tasks/{Uri.EscapeDataString(id)}",
        PageDocuments.DocumentKind => Document(id),
        _ => $"/wiki/{id}",
    };

    /// <summary>The UI address of a document.</summary>
    public static string Document(string id) => $"/documents/{Uri.EscapeDataString(id)}";

    /// <summary>The download address of a document (a version of it when given).</summary>
    public static string Download(string id, string? version = null) =>
        $"/api/documents/{Uri.EscapeDataString(id)}/content{(version is null ? "" : $"?version={version}")}";
}
