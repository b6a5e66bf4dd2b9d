namespace TeamWiki.Storage.Tasks;

/// <summary>How urgent a task is.</summary>
public enum TaskPriority
{
    /// <summary>When there is time.</summary>
    Low,

    /// <summary>The default.</summary>
    Normal,

    /// <summary>Soon.</summary>
    High,

    /// <summary>Now.</summary>
    Urgent,
}

/// <summary>
/// A task: one Markdown file <c>space/_tasks/1200/KEY.md</c> with YAML front matter, so every change is
/// a commit and the history comes from git.
/// </summary>
/// <param name="Key">Readable key, unique in the wiki: <c>HB-12</c>.</param>
/// <param name="Space">The space key.</param>
/// <param name="Title">One line.</param>
/// <param name="Status">The board column (a slug such as <c>todo</c>).</param>
/// <param name="Assignee">Handle of the person doing it, or null.</param>
/// <param name="Due">Due date, or null.</param>
/// <param name="Priority">Priority.</param>
/// <param name="Labels">Labels, lower case.</param>
/// <param name="Links">Linked page paths and document ids.</param>
/// <param name="Description">Markdown, may hold a checklist (<c>- [ ]</c>).</param>
/// <param name="Reporter">Handle of whoever created it, or null.</param>
/// <param name="Created">When it was created.</param>
public sealed record WikiTask(
    string Key,
    string Space,
    string Title,
    string Status,
    string? Assignee,
    DateOnly? Due,
    TaskPriority Priority,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Links,
    string Description,
    string? Reporter,
    DateTimeOffset? Created)
{
    /// <summary>The number part of the key.</summary>
    public int Number => int.Parse(Key[(Key.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Its file in the repository (empty for a task not stored yet).</summary>
    public string FilePath { get; init; } = "";

    /// <summary>The git blob id of its file.</summary>
    public string BlobId { get; init; } = "";

    /// <summary>The last commit that changed it (set when read with history).</summary>
    public string Revision { get; init; } = "";

    /// <summary>Who changed it last.</summary>
    public string UpdatedBy { get; init; } = "";

    /// <summary>When it changed last.</summary>
    public DateTimeOffset Updated { get; init; }

    /// <summary>Equal when the contents are equal (labels and links compared item by item); revision data is ignored.</summary>
    public bool Equals(WikiTask? other) =>
        other is not null && Key == other.Key && Space == other.Space && Title == other.Title && Status == other.Status
        && Assignee == other.Assignee && Due == other.Due && Priority == other.Priority && Labels.SequenceEqual(other.Labels)
        && Links.SequenceEqual(other.Links) && Description == other.Description && Reporter == other.Reporter && Created == other.Created;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Title, Status);

    /// <summary>Open and past its due date on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today, string doneStatus) => Due is { } due && due < today && Status != doneStatus;

    /// <summary>Checklist items done and in total (<c>- [x]</c> and <c>- [ ]</c> lines).</summary>
    public (int Done, int Total) Checklist
    {
        get
        {
            var done = 0;
            var total = 0;
            foreach (var line in Description.Split('\n'))
            {
                var t = line.TrimStart();
                if (t.StartsWith("- [ ]", StringComparison.Ordinal) || t.StartsWith("* [ ]", StringComparison.Ordinal))
                {
                    total++;
                }
                else if (t.StartsWith("- [x]", StringComparison.OrdinalIgnoreCase) || t.StartsWith("* [x]", StringComparison.OrdinalIgnoreCase))
                {
                    total++;
                    done++;
                }
            }

            return (done, total);
        }
    }
}
