namespace TeamWiki.Storage.Git;

/// <summary>
/// The changes below one folder, by name: an entry to set or remove, or changes further down. A path
/// inside another changed path is refused: "remove a, then put a/b" has no single answer without order.
/// </summary>
internal sealed class TreeEditNode
{
    public Dictionary<string, TreeEditNode> Children { get; } = new(StringComparer.Ordinal);

    public bool IsEntry { get; private set; }

    public TreeWriter.Entry? Entry { get; private set; }

    public void Add(string path, TreeWriter.Entry? entry)
    {
        var node = this;
        var segments = path.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || node.IsEntry)
            {
                throw new ArgumentException($"'{path}' is not a path to change here: empty segment, or inside another changed path", nameof(path));
            }

            if (!node.Children.TryGetValue(segment, out var child))
            {
                node.Children[segment] = child = new TreeEditNode();
            }

            node = child;
        }

        if (node.Children.Count > 0)
        {
            throw new ArgumentException($"'{path}' is a folder with changes inside it", nameof(path));
        }

        node.IsEntry = true;
        node.Entry = entry;
    }
}
