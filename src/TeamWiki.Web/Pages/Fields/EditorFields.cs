using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Pages.Fields;

/// <summary>
/// The editor's split of a page file: the front matter block it started from (kept, never shown), the
/// title and tags as the form fields hold them, and the body in the text box. <see cref="Compose"/> gives
/// the whole file again for the preview, the draft and the save, so merging, drafts and the API keep
/// working on whole files.
/// </summary>
public sealed class EditorFields
{
    private FrontMatterHead _start;

    /// <summary>Starts from the whole file <paramref name="markdown"/>.</summary>
    public EditorFields(string markdown) => _start = Reset(markdown);

    /// <summary>The title field's value (empty when the file names none).</summary>
    public string Title { get; private set; } = "";

    /// <summary>The tags field's value.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The body the text box starts with.</summary>
    public string Body => _start.Body;

    /// <summary>Starts again from another whole file (a draft, their version); returns its body for the text box.</summary>
    public FrontMatterHead Reset(string markdown)
    {
        _start = FrontMatterHead.Cut(markdown);
        Title = _start.Meta.Title ?? "";
        Tags = _start.Meta.Tags;
        return _start;
    }

    /// <summary>What the person typed into the fields.</summary>
    public void Set(string? title, IEnumerable<string>? tags)
    {
        Title = title ?? "";
        Tags = (tags ?? []).Select(FrontMatter.NormaliseTag).Where(t => t.Length > 0).Distinct().ToList();
    }

    /// <summary>The whole file: the fields written into the kept front matter, then <paramref name="body"/>.</summary>
    public string Compose(string body) => FrontMatterRebuild.Compose(_start, Title, Tags, body);
}
