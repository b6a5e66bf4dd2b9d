using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Storage.Spaces;

/// <summary>Creates and changes spaces: their <c>_space.yml</c>, committed like any page.</summary>
public sealed class SpaceStore(GitContentRepository repository, IContentCatalog catalog)
{
    /// <summary>Shortest and longest space key.</summary>
    public const int MinKeyLength = 2, MaxKeyLength = 40;

    /// <summary>Creates a space. The key is made a slug; a free task prefix is chosen when none is given.</summary>
    /// <exception cref="InvalidSpaceException">Bad key, name or prefix, or settings that would not read back the same.</exception>
    /// <exception cref="SpaceExistsException">The key is taken.</exception>
    public SpaceInfo Create(SpaceInfo requested, ContentAuthor author)
    {
        var key = Slug.From(requested.Key);
        if (key.Length is < MinKeyLength or > MaxKeyLength)
        {
            throw new InvalidSpaceException($"A space key needs {MinKeyLength} to {MaxKeyLength} letters, digits or hyphens");
        }

        var snapshot = catalog.Current;
        if (snapshot.FindSpace(key) is not null || repository.ListFiles(folder: key).Count > 0)
        {
            throw new SpaceExistsException(key);
        }

        var prefix = SpaceMetadata.NormalisePrefix(requested.TaskPrefix) ?? FreePrefix(SpaceMetadata.DefaultPrefix(key), snapshot);
        var space = Validate(requested with { Key = key, TaskPrefix = prefix }, snapshot);
        repository.Commit(new CommitRequest([new PutFile(key + "/" + SpaceMetadata.FileName, SpaceMetadata.Write(space))], author, $"Create space {key}"));
        return space;
    }

    /// <summary>Saves changed settings of an existing space.</summary>
    /// <exception cref="SpaceNotFoundException">No such space.</exception>
    /// <exception cref="InvalidSpaceException">Bad name, prefix or columns, or settings that would not read back the same.</exception>
    public SpaceInfo Update(SpaceInfo changed, ContentAuthor author)
    {
        var snapshot = catalog.Current;
        if (snapshot.FindSpace(changed.Key) is not { } current)
        {
            throw new SpaceNotFoundException(changed.Key);
        }

        var space = Validate(changed, snapshot);
        if (current.SettingsProblem is null && SpaceMetadata.Write(space).AsSpan().SequenceEqual(SpaceMetadata.Write(current)))
        {
            // Nothing to change: no commit (a hand-written settings file is not rewritten into our format).
            return current;
        }

        repository.Commit(new CommitRequest([new PutFile(space.Key + "/" + SpaceMetadata.FileName, SpaceMetadata.Write(space))], author, $"Update space {space.Key}"));
        return space;
    }

    private static SpaceInfo Validate(SpaceInfo space, ContentSnapshot snapshot)
    {
        var name = space.Name.Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            throw new InvalidSpaceException("A space needs a name of 1 to 100 characters");
        }

        if (space.Description.Length > 1000)
        {
            throw new InvalidSpaceException("The description is longer than 1000 characters");
        }

        var prefix = SpaceMetadata.NormalisePrefix(space.TaskPrefix) ?? throw new InvalidSpaceException("A task prefix has 1 to 8 letters or digits and starts with a letter");
        if (snapshot.Spaces.Any(s => s.Key != space.Key && s.TaskPrefix == prefix))
        {
            throw new InvalidSpaceException($"Task prefix {prefix} is used by another space");
        }

        if (space.Columns.Count < 2 || space.Columns.Count > 12 || space.Columns.Select(c => c.Key).Distinct().Count() != space.Columns.Count
            || space.Columns.Any(c => !Slug.IsSlug(c.Key) || c.Name.Trim().Length is 0 or > 40))
        {
            throw new InvalidSpaceException("A board has 2 to 12 columns with distinct keys and names of at most 40 characters");
        }

        var colour = space.Colour?.Trim().ToLowerInvariant();
        if (colour is { Length: > 0 } && !(colour.Length == 7 && colour[0] == '#' && colour[1..].All(char.IsAsciiHexDigit)))
        {
            throw new InvalidSpaceException("A colour is written #rrggbb");
        }

        // Written as the file will read back (trimmed), and without the old file's problem: saving repairs it.
        return space with
        {
            Name = name,
            Description = space.Description.Trim(),
            Language = string.IsNullOrWhiteSpace(space.Language) ? null : space.Language.Trim(),
            Colour = colour is { Length: > 0 } ? colour : null,
            Columns = space.Columns.Select(c => c with { Name = c.Name.Trim() }).ToList(),
            SettingsProblem = null,
        };
    }

    private static string FreePrefix(string wanted, ContentSnapshot snapshot)
    {
        var taken = snapshot.Spaces.Select(s => s.TaskPrefix).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(wanted))
        {
            return wanted;
        }

        for (var n = 2; ; n++)
        {
            var candidate = wanted + n;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
