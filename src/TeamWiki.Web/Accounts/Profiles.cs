using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>What someone may change on their own profile.</summary>
public sealed record ProfileChange(string? Team, string? JobTitle, string? AskMeAbout, bool EmailDigest);

/// <summary>Saves profiles and photos, with limits, and refreshes the directory.</summary>
public sealed class Profiles(IDbContextFactory<TeamWikiDbContext> contexts, PeopleDirectory directory)
{
    /// <summary>The current values.</summary>
    public async Task<WikiUser?> FindAsync(string userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
    }

    /// <summary>Saves the profile; returns the problems, or none.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string userId, ProfileChange change)
    {
        var errors = new List<string>();
        var team = Clean(change.Team, 100, "Team", errors);
        var title = Clean(change.JobTitle, 100, "Job title", errors);
        var topics = string.Join(", ", (change.AskMeAbout ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase));
        if (topics.Length > 500)
        {
            errors.Add("Ask me about: at most 500 characters");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return ["Unknown account"];
        }

        user.Team = team;
        user.JobTitle = title;
        user.AskMeAbout = topics.Length == 0 ? null : topics;
        user.EmailDigest = change.EmailDigest;
        await db.SaveChangesAsync();
        directory.Invalidate();
        return [];
    }

    /// <summary>Someone's photo, or null.</summary>
    public async Task<UserPhoto?> PhotoAsync(string userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.UserPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId);
    }

    /// <summary>Stores a photo (PNG, JPEG or WebP, at most <see cref="UserPhoto.MaxBytes"/>); returns the problem, or null.</summary>
    public async Task<string?> SetPhotoAsync(string userId, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "The photo is empty";
        }

        if (bytes.Length > UserPhoto.MaxBytes)
        {
            return $"The photo is larger than {UserPhoto.MaxBytes / 1024} KB";
        }

        var type = ImageType(bytes);
        if (type is null)
        {
            return "A photo must be a PNG, JPEG or WebP image";
        }

        await using var db = await contexts.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return "Unknown account";
        }

        var now = DateTimeOffset.UtcNow;
        var photo = await db.UserPhotos.FindAsync(userId);
        if (photo is null)
        {
            db.UserPhotos.Add(photo = new UserPhoto { UserId = userId });
        }

        photo.Bytes = bytes;
        photo.ContentType = type;
        photo.UpdatedAt = now;
        user.PhotoUpdatedAt = now;
        await db.SaveChangesAsync();
        directory.Invalidate();
        return null;
    }

    /// <summary>The image type from the file's first bytes (never from its name).</summary>
    public static string? ImageType(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "image/png"
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : b.Length > 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static string? Clean(string? value, int max, string field, List<string> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            errors.Add($"{field}: at most {max} characters");
        }

        return text;
    }
}
