using Microsoft.Extensions.Localization;

namespace TeamWiki.Web.Components.Shared;

/// <summary>The name of a kind of item (page, task, document, space) in the UI language.</summary>
public static class KindNames
{
    /// <summary>"taak" for <c>task</c>. Keys are prefixed: resource names that differ only in case collide.</summary>
    public static string KindName(this IStringLocalizer localizer, string kind) =>
        localizer["kind:" + kind] is { ResourceNotFound: false } found ? found.Value : kind;
}

/// <summary>Translated terms stored under a prefix ("action:answered"), English (the term itself) when not translated.</summary>
public static class PrefixedTerms
{
    /// <summary>The translation of <paramref name="prefix"/>:<paramref name="term"/>, or the term.</summary>
    public static string Term(this IStringLocalizer localizer, string prefix, string term) =>
        localizer[prefix + ":" + term] is { ResourceNotFound: false } found ? found.Value : term;
}
