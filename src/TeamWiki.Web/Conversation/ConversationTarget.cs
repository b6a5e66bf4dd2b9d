using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;
using TeamWiki.Web.Components.Shared;
using TeamWiki.Web.Indexing;

namespace TeamWiki.Web.Conversation;

/// <summary>
/// What a comment is about, parsed from <c>page:{path}</c>, <c>task:{key}</c> or <c>document:{id}</c> and
/// checked against the current content: it must exist.
/// </summary>
/// <param name="Value">The canonical form (normalised path, upper-case key).</param>
/// <param name="Kind">"page", "task" or "document".</param>
/// <param name="Id">Page path, task key or document id.</param>
/// <param name="Space">The space it belongs to.</param>
/// <param name="Title">Its title.</param>
/// <param name="Url">Its address in the UI.</param>
public sealed record ConversationTarget(string Value, string Kind, string Id, string Space, string Title, string Url)
{
    /// <summary>The target, or null when the text is malformed or names nothing that exists.</summary>
    public static ConversationTarget? Resolve(string? text, ContentSnapshot snapshot)
    {
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon < 1)
        {
            return null;
        }

        var kind = text[..colon].Trim().ToLowerInvariant();
        var rest = text[(colon + 1)..].Trim();
        switch (kind)
        {
            case PageDocuments.Kind when PagePath.TryParse(rest, out var path) && snapshot.Find(path) is { } page:
                return new ConversationTarget($"page:{path.Value}", kind, path.Value, path.Space, page.Title, ItemLinks.For(kind, path.Value));
            case PageDocuments.TaskKind when TaskKey.Normalise(rest) is { } key && snapshot.FindTask(key) is { } task:
                return new ConversationTarget($"task:{task.Key}", kind, task.Key, task.Space, $"{task.Key} {task.Title}", ItemLinks.For(kind, task.Key));
            case PageDocuments.DocumentKind when DocumentStore.ParseId(rest) is { } doc
                && snapshot.DocumentsIn(doc.Space).Any(d => d.Path == DocumentStore.FilePath(doc.Space, doc.Name)):
                var id = DocumentStore.Id(doc.Space, doc.Name);
                return new ConversationTarget($"document:{id}", kind, id, doc.Space, doc.Name, ItemLinks.Document(id));
            default:
                return null;
        }
    }
}
