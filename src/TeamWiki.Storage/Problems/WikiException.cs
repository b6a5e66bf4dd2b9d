namespace TeamWiki.Storage.Problems;

/// <summary>
/// A refusal that nothing was written for and that the caller can act on. Every specific exception of
/// the wiki derives from this one, so the API turns all of them into a problem response in one place,
/// by <see cref="Kind"/>, with <see cref="Title"/>, <see cref="Detail"/> and <see cref="Extensions"/>.
/// </summary>
/// <param name="kind">What kind of refusal.</param>
/// <param name="title">A short title, the same for every refusal of this type.</param>
/// <param name="message">The message for logs and for <see cref="Detail"/> unless that is overridden.</param>
public abstract class WikiException(ProblemKind kind, string title, string message) : Exception(message)
{
    /// <summary>What kind of refusal.</summary>
    public ProblemKind Kind { get; } = kind;

    /// <summary>A short title, the same for every refusal of this type.</summary>
    public string Title { get; } = title;

    /// <summary>What the caller is told. Refusals that must not echo what was asked for override it.</summary>
    public virtual string Detail => Message;

    /// <summary>Extra fields for the caller (both versions of a conflict, a size and its limit); null for none.</summary>
    public virtual IReadOnlyDictionary<string, object?>? Extensions => null;
}
