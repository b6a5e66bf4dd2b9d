using TeamWiki.Storage.Items;

namespace TeamWiki.Web.Items;

/// <summary>The one place that knows where the UI shows a page, task, document or space.</summary>
public static class ItemLinks
{
    /// <summary>The UI address of an item.</summary>
    public static string For(ItemRef item) => item.Kind switch
    {
        ItemKind.Task => $"/tasks/{Uri.EscapeDataString(item.Id)}",
        ItemKind.Document => $"/documents/{Uri.EscapeDataString(item.Id)}",
        _ => $"/wiki/{item.Id}",
    };

    /// <summary>
    /// The UI address of an item of a stored kind name (a search hit's or an activity row's kind) by its
    /// id; an unknown kind is shown as a page, as search hits always were.
    /// </summary>
    public static string For(string kind, string id) => kind switch
    {
        // Posts, comments and people are search hits too (not items in git); a comment's id is its
        // target and anchor, "page:space/x#comment-12".
        "post" => $"/posts/{Uri.EscapeDataString(id)}",
        "person" => "/people/" + Uri.EscapeDataString(id),
        "comment" when id.Split('#', 2) is [var target, var anchor] && ItemRef.TryParse(target, out var item) => For(item) + "#" + anchor,
        _ => For(new ItemRef(ItemKinds.FromName(kind) ?? ItemKind.Page, id)),
    };

    /// <summary>The UI address of a document.</summary>
    public static string Document(string id) => For(new ItemRef(ItemKind.Document, id));

    /// <summary>The download address of a document (a version of it when given).</summary>
    public static string Download(string id, string? version = null) =>
        $"/api/documents/{Uri.EscapeDataString(id)}/content{(version is null ? "" : $"?version={version}")}";
}
