namespace TeamWiki.Web.Markup;

/// <summary>A task-list checkbox in Markdown text.</summary>
/// <param name="Position">Offset of the character between the brackets (' ' or 'x') in the text that was parsed.</param>
/// <param name="Checked">Whether it is ticked.</param>
public sealed record TaskCheckbox(int Position, bool Checked);
