namespace TeamWiki.Storage.Pages;

/// <summary>
/// The address of a page: <c>space/segment/…</c>, every segment a <see cref="Slug"/>. The space is the first
/// segment; a page always lives inside a space, so a path has at least two segments. Parsing is the single
/// place where user input becomes a path, so nothing below it sees "..", control characters or
/// absolute paths.
/// </summary>
public readonly record struct PagePath
{
    /// <summary>Longest accepted path, in characters, before normalisation.</summary>
    public const int MaxLength = 300;

    /// <summary>Deepest accepted nesting, the space included.</summary>
    public const int MaxDepth = 10;

    /// <summary>Extension of the Markdown file that holds a page.</summary>
    public const string FileExtension = ".md";

    private PagePath(string value) => Value = value;

    /// <summary>The canonical path, for example <c>handboek/onboarding/eerste-dag</c>.</summary>
    public string Value { get; }

    /// <summary>The space key (first segment).</summary>
    public string Space => Value[..Value.IndexOf('/')];

    /// <summary>The segments, the space first.</summary>
    public IReadOnlyList<string> Segments => Value.Split('/');

    /// <summary>The last segment.</summary>
    public string Name => Value[(Value.LastIndexOf('/') + 1)..];

    /// <summary>The parent page path, or null for a page directly under its space.</summary>
    public PagePath? Parent
    {
        get
        {
            var cut = Value.LastIndexOf('/');
            var parent = Value[..cut];
            return parent.Contains('/') ? new PagePath(parent) : null;
        }
    }

    /// <summary>The path of the Markdown file in the repository.</summary>
    public string FilePath => Value + FileExtension;

    /// <summary>The folder in the repository that holds this page's sub-pages.</summary>
    public string ChildFolder => Value;

    /// <summary>
    /// Parses user input. Case and diacritics are normalised ("Handboek/Café" → <c>handboek/cafe</c>);
    /// anything that could escape the repository or is not text is refused.
    /// </summary>
    /// <exception cref="InvalidPagePathException">The input cannot name a page.</exception>
    public static PagePath Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw new InvalidPagePathException(input ?? "", "the path is empty");
        }

        if (input.Length > MaxLength)
        {
            throw new InvalidPagePathException(input, $"the path is longer than {MaxLength} characters");
        }

        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsControl(c))
            {
                throw new InvalidPagePathException(input, "the path contains a control character");
            }

            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                i++;
                continue;
            }

            if (c == '\uFFFD' || char.IsSurrogate(c))
            {
                throw new InvalidPagePathException(input, "the path is not valid UTF-8 text");
            }

            if (c is '\\' or '%')
            {
                throw new InvalidPagePathException(input, $"the path contains '{c}'");
            }
        }

        if (input[0] == '/' || (input.Length > 1 && input[1] == ':'))
        {
            throw new InvalidPagePathException(input, "the path must be relative (space/page)");
        }

        var raw = input.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase)
            ? input[..^FileExtension.Length]
            : input;
        var parts = raw.TrimEnd('/').Split('/');
        if (parts.Length > MaxDepth)
        {
            throw new InvalidPagePathException(input, $"the path is nested deeper than {MaxDepth} levels");
        }

        var segments = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                throw new InvalidPagePathException(input, "the path has an empty segment");
            }

            if (part is "." or "..")
            {
                throw new InvalidPagePathException(input, "the path may not contain '.' or '..' segments");
            }

            if (part.StartsWith('_') || part.StartsWith('.'))
            {
                throw new InvalidPagePathException(input, $"segment '{part}' is reserved (starts with '{part[0]}')");
            }

            var slug = Slug.From(part);
            if (slug.Length == 0)
            {
                throw new InvalidPagePathException(input, $"segment '{part}' has no letters or digits");
            }

            segments[i] = slug;
        }

        if (segments.Length < 2)
        {
            throw new InvalidPagePathException(input, "a page lives inside a space: use space/page");
        }

        return new PagePath(string.Join('/', segments));
    }

    /// <summary>Parses, returning false instead of throwing.</summary>
    public static bool TryParse(string? input, out PagePath path)
    {
        try
        {
            path = Parse(input);
            return true;
        }
        catch (InvalidPagePathException)
        {
            path = default;
            return false;
        }
    }

    /// <summary>
    /// The page path of a file in the repository, or null when the file is not a page
    /// (not Markdown, outside a space, in a reserved folder, or not in canonical form).
    /// </summary>
    public static PagePath? FromFilePath(string filePath)
    {
        if (!filePath.EndsWith(FileExtension, StringComparison.Ordinal))
        {
            return null;
        }

        var raw = filePath[..^FileExtension.Length];
        var segments = raw.Split('/');
        if (segments.Length < 2 || segments.Length > MaxDepth || !segments.All(Slug.IsSlug))
        {
            return null;
        }

        return new PagePath(raw);
    }

    /// <summary>A child page of this one.</summary>
    public PagePath Child(string name) => Parse(Value + "/" + name);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
