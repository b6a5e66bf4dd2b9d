namespace TeamWiki.Web.Insights;

/// <summary>One week of contributions (weeks start on Monday, UTC).</summary>
/// <param name="PagesCreated">Pages created.</param>
/// <param name="PageEdits">Edits to existing pages.</param>
/// <param name="Posts">Posts in the discussion stream.</param>
/// <param name="Answers">Replies to questions (by someone other than the asker).</param>
/// <param name="Contributors">Different people who created or edited content, posted, replied or commented.</param>
public sealed record WeekFigures(DateOnly Week, int PagesCreated, int PageEdits, int Posts, int Answers, int Contributors);

/// <summary>A tag and how often it was used.</summary>
public sealed record TagCount(string Tag, int Count);

/// <summary>A search that found nothing, and how often it was tried.</summary>
public sealed record KnowledgeGap(string Query, int Count, DateTimeOffset Last);

/// <summary>A page nobody changed for a long time.</summary>
public sealed record StalePage(string Path, string Title, DateTimeOffset LastChanged);

/// <summary>
/// Is social learning happening? The figures for a space (or the whole wiki) over the last weeks.
/// </summary>
/// <param name="Space">The space, or null for everything.</param>
/// <param name="From">First day (a Monday).</param>
/// <param name="Weeks">Contributions per week, oldest first.</param>
/// <param name="ActiveContributors">Different people who contributed in the whole period.</param>
/// <param name="QuestionsAsked">Questions asked in the period.</param>
/// <param name="QuestionsAnswered">Of those, the ones with a reply from someone else.</param>
/// <param name="QuestionsMarked">Of those, the ones whose asker marked an answer.</param>
/// <param name="MedianHoursToFirstAnswer">Median time from question to the first reply by someone else, in hours.</param>
/// <param name="TopTags">Most used tags on pages and posts.</param>
/// <param name="Gaps">Searches that found nothing.</param>
/// <param name="Stale">Pages not changed for <see cref="InsightsService.StaleAfterDays"/> days, oldest first.</param>
public sealed record InsightsReport(
    string? Space,
    DateOnly From,
    IReadOnlyList<WeekFigures> Weeks,
    int ActiveContributors,
    int QuestionsAsked,
    int QuestionsAnswered,
    int QuestionsMarked,
    double? MedianHoursToFirstAnswer,
    IReadOnlyList<TagCount> TopTags,
    IReadOnlyList<KnowledgeGap> Gaps,
    IReadOnlyList<StalePage> Stale);
