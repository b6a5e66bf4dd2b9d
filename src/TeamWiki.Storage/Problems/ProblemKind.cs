namespace TeamWiki.Storage.Problems;

/// <summary>What kind of refusal a <see cref="WikiException"/> is; the API maps each kind to one status.</summary>
public enum ProblemKind
{
    /// <summary>The input cannot be used as given (400).</summary>
    Invalid,

    /// <summary>The caller may see it but not do this (403).</summary>
    Forbidden,

    /// <summary>It does not exist, or the caller may not know it does (404).</summary>
    NotFound,

    /// <summary>It clashes with what is there now: an overlapping edit, a name taken, a last owner (409).</summary>
    Conflict,

    /// <summary>Over a configured size limit (413).</summary>
    TooLarge,

    /// <summary>A body in a form the API does not read (415).</summary>
    UnsupportedBody,

    /// <summary>The caller did this too often in a short time; <c>Retry-After</c> says when to try again (429).</summary>
    TooMany,

    /// <summary>Other writers kept the store busy; trying again later is safe (503).</summary>
    Busy,
}
