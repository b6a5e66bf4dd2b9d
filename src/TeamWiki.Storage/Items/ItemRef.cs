using System.Diagnostics.CodeAnalysis;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;

namespace TeamWiki.Storage.Items;

/// <summary>
/// One item of the wiki: a page, task, document or space, by kind and canonical id. Its text form
/// <c>kind:id</c> (<c>page:handboek/start</c>, <c>task:HB-12</c>, <c>document:handboek~plan.pdf</c>,
/// <c>space:handboek</c>) is what watches, comments and activity rows store; it is built here and parsed
/// here only. Parsing validates and normalises the id once, at the edge (a page path as
/// <see cref="PagePath"/>, an upper-case task key, a lower-case space key), so two spellings of one item
/// compare equal.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Page path, task key, document id or space key, in canonical form.</param>
public readonly record struct ItemRef(ItemKind Kind, string Id)
{
    /// <summary>A page.</summary>
    public static ItemRef Page(PagePath path) => new(ItemKind.Page, path.Value);

    /// <summary>A task by its (normalised) key.</summary>
    public static ItemRef Task(string key) => new(ItemKind.Task, key);

    /// <summary>A document of a space.</summary>
    public static ItemRef Document(string space, string name) => new(ItemKind.Document, DocumentStore.Id(space, name));

    /// <summary>A space.</summary>
    public static ItemRef Space(string key) => new(ItemKind.Space, key);

    /// <summary>Parses <c>kind:id</c>.</summary>
    /// <exception cref="FormatException">Not a known kind, or not a valid id of that kind.</exception>
    public static ItemRef Parse(string? text) =>
        TryParse(text, out var item) ? item : throw new FormatException($"'{text}' is not a page, task, document or space reference");

    /// <summary>Parses <c>kind:id</c> (kind case-insensitive, id normalised); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ItemRef item)
    {
        item = default;
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon < 1 || ItemKinds.FromName(text[..colon]) is not { } kind)
        {
            return false;
        }

        var id = Normalise(kind, text[(colon + 1)..].Trim());
        if (id is null)
        {
            return false;
        }

        item = new ItemRef(kind, id);
        return true;
    }

    /// <summary>The canonical id of <paramref name="id"/> as an id of <paramref name="kind"/>, or null when it is none.</summary>
    public static string? Normalise(ItemKind kind, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return kind switch
        {
            ItemKind.Page => PagePath.TryParse(id, out var path) ? path.Value : null,
            ItemKind.Task => TaskKey.Normalise(id),
            ItemKind.Document => DocumentStore.ParseId(id) is { } doc ? DocumentStore.Id(doc.Space, doc.Name) : null,
            ItemKind.Space => Slug.IsSlug(id.ToLowerInvariant()) ? id.ToLowerInvariant() : null,
            _ => null,
        };
    }

    /// <summary>
    /// The space the item belongs to when the id says so (pages, documents, spaces); null for a task,
    /// whose key prefix need not be its space's key (look the task up).
    /// </summary>
    public string? SpaceFromId => Kind switch
    {
        ItemKind.Page => Id[..(Id.IndexOf('/') is var slash and > 0 ? slash : Id.Length)],
        ItemKind.Document => DocumentStore.ParseId(Id)?.Space,
        ItemKind.Space => Id,
        _ => null,
    };

    /// <summary>The stored form, <c>kind:id</c>.</summary>
    public override string ToString() => Kind.Name() + ":" + Id;
}
