namespace TeamWiki.Storage.Media;

/// <summary>A file stored beside a page.</summary>
/// <param name="Name">The name it got in the page's <c>_media</c> folder (sanitised, unique there).</param>
/// <param name="Path">Its repository path, e.g. <c>handboek/_media/pasted-2026-12-07-1432.png</c>.</param>
/// <param name="Link">The link from the page to it, as written in the page's Markdown: <c>_media/{name}</c>.</param>
/// <param name="Created">False when the very same bytes were already there under that name, so nothing was written.</param>
public sealed record StoredMedia(string Name, string Path, string Link, bool Created);
