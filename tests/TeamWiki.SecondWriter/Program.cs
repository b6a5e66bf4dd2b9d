using Microsoft.Extensions.Options;
using TeamWiki.Storage;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;

// A second wiki process on the same repository, for the tests that prove no acknowledged write is
// lost to a writer outside the wiki's own lock. It saves through the same storage code as the app:
//   TeamWiki.SecondWriter <git-directory> <space> <min-rounds> <stop-file> <pace-file>
// It runs at least <min-rounds> rounds and until <stop-file> exists, pausing up to the number of
// milliseconds in <pace-file> between rounds (people do not save back to back; the test slows everyone
// down while its pushes keep being rejected, so a push finds the branch still now and then even on a
// loaded machine). Each round creates a page of its own and adds a line to this writer's section of <space>/gedeeld
// (based on the revision it read, so the save is merged with whatever landed since). Every acknowledged
// save is printed as "ok <page> <revision> <line>"; at the end "retries <n>" tells how often the branch
// moved under this process's feet.
if (args.Length != 5 || !int.TryParse(args[2], out var rounds))
{
    Console.Error.WriteLine("usage: TeamWiki.SecondWriter <git-directory> <space> <min-rounds> <stop-file> <pace-file>");
    return 2;
}

using var repository = GitContentRepository.OpenOrCreate(args[0]);
var pages = new PageStore(repository, new ContentCatalog(repository), Options.Create(new StorageOptions()));
var author = new ContentAuthor("Tweede Proces", "tweede@example.org");
var shared = PagePath.Parse(args[1] + "/gedeeld");
for (var i = 0; i < rounds || !File.Exists(args[3]); i++)
{
    var own = PagePath.Parse($"{args[1]}/tweede-{i}");
    var saved = pages.Save(new PageSave(own, $"Opgeslagen door het tweede proces, nummer {i}.\n", author));
    Console.WriteLine($"ok {own} {saved.Revision} -");

    var line = $"- tweede proces {i}";
    while (true)
    {
        var current = pages.Get(shared) ?? throw new InvalidOperationException($"{shared} is missing");
        try
        {
            var result = pages.Save(new PageSave(shared, Sections.Append(current.Markdown, "tweede", line), author, $"tweede {i}", current.Revision));
            Console.WriteLine($"ok {shared} {result.Revision} {line}");
            break;
        }
        catch (PageConflictException)
        {
            // Adjacent edits count as a conflict in git: read again and redo the edit, as a person would.
        }
    }

    Thread.Sleep(Random.Shared.Next(0, Pace(args[4])));
}

Console.WriteLine($"retries {repository.CommitRetries}");
return 0;

static int Pace(string file)
{
    try
    {
        return int.TryParse(File.ReadAllText(file), out var ms) && ms > 0 ? ms : 100;
    }
    catch (IOException)
    {
        return 100; // being rewritten at this moment
    }
}

/// <summary>The shared page: one section per writer, each ending in a marker.</summary>
internal static class Sections
{
    public static string Append(string text, string writer, string line)
    {
        var marker = $"\n<!-- einde {writer} -->";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"no section {writer}") : text[..at] + "\n" + line + text[at..];
    }
}
