using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Items;

/// <summary>
/// A page, task or document that exists in the current content, with its space, title and address: what a
/// comment or a watch is about, parsed from <c>page:{path}</c>, <c>task:{key}</c> or <c>document:{id}</c>
/// (an <see cref="ItemRef"/>) and checked against the current content.
/// </summary>
/// <param name="Item">The item, in canonical form (normalised path, upper-case key).</param>
/// <param name="Space">The space it belongs to.</param>
/// <param name="Title">Its title.</param>
/// <param name="Url">Its address in the UI.</param>
public sealed record ItemTarget(ItemRef Item, string Space, string Title, string Url)
{
    /// <summary>The canonical stored form, <c>kind:id</c>.</summary>
    public string Value => Item.ToString();

    /// <summary>"page", "task" or "document" (the stored kind name).</summary>
    public string Kind => Item.Kind.Name();

    /// <summary>Page path, task key or document id.</summary>
    public string Id => Item.Id;

    /// <summary>The target, or null when the text is malformed or names nothing that exists.</summary>
    public static ItemTarget? Resolve(string? text, ContentSnapshot snapshot) =>
        ItemRef.TryParse(text, out var item) ? Resolve(item, snapshot) : null;

    /// <summary>The target for an item, or null when it does not exist (or is a space: spaces take no comments).</summary>
    public static ItemTarget? Resolve(ItemRef item, ContentSnapshot snapshot)
    {
        switch (item.Kind)
        {
            case ItemKind.Page when PagePath.TryParse(item.Id, out var path) && snapshot.Find(path) is { } page:
                return new ItemTarget(item, path.Space, page.Title, ItemLinks.For(item));
            case ItemKind.Task when snapshot.FindTask(item.Id) is { } task:
                return new ItemTarget(item, task.Space, $"{task.Key} {task.Title}", ItemLinks.For(item));
            case ItemKind.Document when DocumentStore.ParseId(item.Id) is { } doc
                && snapshot.DocumentsIn(doc.Space).Any(d => d.Path == DocumentStore.FilePath(doc.Space, doc.Name)):
                return new ItemTarget(item, doc.Space, doc.Name, ItemLinks.For(item));
            default:
                return null;
        }
    }
}
