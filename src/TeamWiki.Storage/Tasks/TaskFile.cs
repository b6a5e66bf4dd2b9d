using System.Globalization;
using System.Text;
using TeamWiki.Storage.Pages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TeamWiki.Storage.Tasks;

/// <summary>
/// Reads and writes a task file: YAML front matter with the fields, the description as the body. Keys
/// the wiki does not know (added by hand) are kept when it writes the file again.
/// </summary>
public static class TaskFile
{
    private static readonly string[] Order = ["title", "status", "assignee", "due", "priority", "labels", "links", "reporter", "created"];

    /// <summary>Parses a task file; a file with broken front matter still gives a task (titled by its key).</summary>
    public static WikiTask Parse(string space, string key, string text, string defaultStatus)
    {
        var (map, body) = Split(text);
        string? Scalar(string name) =>
            map.Children.TryGetValue(new YamlScalarNode(name), out var n) && n is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        IReadOnlyList<string> List(string name, Func<string, string> normalise) =>
            !map.Children.TryGetValue(new YamlScalarNode(name), out var n) ? []
            : (n switch
            {
                YamlSequenceNode s => s.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? ""),
                YamlScalarNode { Value: { } v } => v.Split(','),
                _ => [],
            }).Select(x => normalise(x.Trim())).Where(x => x.Length > 0).Distinct().ToList();

        return new WikiTask(
            key,
            space,
            Scalar("title") ?? key,
            Slug.From(Scalar("status") ?? "") is { Length: > 0 } status ? status : defaultStatus,
            Scalar("assignee")?.TrimStart('@').ToLowerInvariant(),
            DateOnly.TryParseExact(Scalar("due"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            Enum.TryParse<TaskPriority>(Scalar("priority"), ignoreCase: true, out var priority) && Enum.IsDefined(priority) ? priority : TaskPriority.Normal,
            List("labels", FrontMatter.NormaliseTag),
            List("links", x => x),
            body.TrimStart('\n'),
            Scalar("reporter"),
            DateTimeOffset.TryParse(Scalar("created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null);
    }

    /// <summary>
    /// The file text for <paramref name="task"/>, keeping any front matter keys of <paramref name="previous"/>
    /// (the file as it was) that the wiki does not manage.
    /// </summary>
    public static string Write(WikiTask task, string? previous = null)
    {
        var (old, _) = previous is null ? (new YamlMappingNode(), "") : Split(previous);
        var map = new YamlMappingNode();
        void Set(string name, YamlNode? value)
        {
            if (value is not null)
            {
                map.Add(name, value);
            }
        }

        Set("title", Quoted(task.Title));
        Set("status", new YamlScalarNode(task.Status));
        Set("assignee", task.Assignee is null ? null : new YamlScalarNode(task.Assignee));
        Set("due", task.Due is { } due ? new YamlScalarNode(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
        Set("priority", new YamlScalarNode(task.Priority.ToString().ToLowerInvariant()));
        Set("labels", task.Labels.Count == 0 ? null : Flow(task.Labels));
        Set("links", task.Links.Count == 0 ? null : Flow(task.Links));
        Set("reporter", task.Reporter is null ? null : new YamlScalarNode(task.Reporter));
        Set("created", task.Created is { } created ? new YamlScalarNode(created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)) : null);
        foreach (var (name, value) in old.Children)
        {
            if (name is YamlScalarNode { Value: { } n } && !Order.Contains(n))
            {
                map.Add(name, value);
            }
        }

        var yaml = new StringWriter();
        new YamlStream(new YamlDocument(map)).Save(yaml, assignAnchors: false);
        var front = yaml.ToString().Replace("\r\n", "\n").TrimEnd('\n', '.', ' ').TrimEnd('\n');
        var sb = new StringBuilder("---\n").Append(front).Append("\n---\n");
        if (task.Description.Length > 0)
        {
            sb.Append('\n').Append(task.Description.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
        }

        return sb.ToString();
    }

    private static (YamlMappingNode Map, string Body) Split(string text)
    {
        var normalised = text.ReplaceLineEndings("\n");
        if (!normalised.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (new YamlMappingNode(), normalised);
        }

        var end = normalised.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            end = normalised.EndsWith("\n---", StringComparison.Ordinal) ? normalised.Length - 4 : -1;
        }

        if (end < 0)
        {
            return (new YamlMappingNode(), normalised);
        }

        var yaml = normalised[4..end];
        var body = end + 5 <= normalised.Length ? normalised[(end + 5)..] : "";
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m ? m : new YamlMappingNode(), body);
        }
        catch (YamlException)
        {
            return (new YamlMappingNode(), body);
        }
    }

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static YamlSequenceNode Flow(IEnumerable<string> items)
    {
        var seq = new YamlSequenceNode(items.Select(i => new YamlScalarNode(i)));
        seq.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
        return seq;
    }
}
