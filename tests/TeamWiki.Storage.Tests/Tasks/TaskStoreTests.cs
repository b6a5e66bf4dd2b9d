using System.Collections.Concurrent;
using TeamWiki.Storage.Tasks;
using TeamWiki.Storage.Tests.Support;
using static TeamWiki.Storage.Tests.Support.TempWiki;

namespace TeamWiki.Storage.Tests.Tasks;

public class TaskStoreTests : IDisposable
{
    private readonly TempWiki _wiki = new();
    private readonly TaskStore _tasks;

    public TaskStoreTests() => _tasks = new TaskStore(_wiki.Repository, _wiki.Catalog);

    private static WikiTask Draft(string title, string status = "", string? assignee = null, string description = "") =>
        new("", "", title, status, assignee, null, TaskPriority.Normal, [], [], description, "alice", DateTimeOffset.UtcNow);

    [Fact]
    public void CreatingATaskGivesItTheNextKeyOfTheSpaceAndAFileInGit()
    {
        var first = _tasks.Create("handboek", Draft("Koffiemachine repareren"), Alice);
        var second = _tasks.Create("handboek", Draft("Nieuwe stoelen bestellen", assignee: "bob"), Bob);

        Assert.Equal("HB-1", first.Key);
        Assert.Equal("HB-2", second.Key);
        Assert.Equal("todo", first.Status);
        var file = _wiki.Repository.ReadFile("handboek/_tasks/0/HB-2.md")!.Text;
        Assert.Contains("title: \"Nieuwe stoelen bestellen\"", file);
        Assert.Contains("assignee: bob", file);
        Assert.Equal("Bob Jansen", _tasks.Get("hb-2")!.UpdatedBy);
    }

    [Fact]
    public void ATaskFileRoundTripsAndKeepsKeysTheWikiDoesNotKnow()
    {
        var task = new WikiTask("ATL-7", "project-atlas", "Inlogscherm \"nieuw\"", "doing", "sanne", new DateOnly(2026, 12, 1), TaskPriority.High,
            ["klant", "ux"], ["project-atlas/architectuur"], "Beschrijving\n\n- [x] ontwerp\n- [ ] bouwen\n", "anna", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var text = TaskFile.Write(task, "---\ntitle: oud\nestimate: 3\n---\n");
        var back = TaskFile.Parse("project-atlas", "ATL-7", text, "todo");

        Assert.Equal(task with { Description = back.Description }, back);
        Assert.Equal("Beschrijving\n\n- [x] ontwerp\n- [ ] bouwen\n", back.Description);
        Assert.Contains("estimate: 3", text);
        Assert.Equal((1, 2), back.Checklist);
    }

    [Fact]
    public void AnUnknownStatusOrAnEmptyTitleIsRefusedAndNothingIsWritten()
    {
        var head = _wiki.Repository.Head;
        Assert.Throws<InvalidTaskException>(() => _tasks.Create("handboek", Draft("Iets", status: "bestaat-niet"), Alice));
        Assert.Throws<InvalidTaskException>(() => _tasks.Create("handboek", Draft("   "), Alice));
        Assert.Equal(head, _wiki.Repository.Head);
    }

    [Fact]
    public void StatusIsCaseInsensitive()
    {
        var task = _tasks.Create("handboek", Draft("Hoofdletters", status: "DOING"), Alice);
        Assert.Equal("doing", task.Status);
        Assert.Equal("doing", _tasks.Update(task.Key.ToLowerInvariant(), t => t with { Status = "Doing" }, Alice).Status);
    }

    [Fact]
    public void AMoveAndAnEditByTwoPeopleAreBothKept()
    {
        var task = _tasks.Create("handboek", Draft("Samen", description: "regel een\n\nregel twee\n"), Alice);
        var opened = _tasks.Get(task.Key)!;

        _tasks.Update(task.Key, t => t with { Status = "doing" }, Bob);
        var edited = _tasks.Update(task.Key, t => t with { Description = "regel een\n\nregel twee, aangevuld\n" }, Alice, opened.Revision);

        Assert.Equal("doing", edited.Status);
        Assert.Contains("aangevuld", edited.Description);
    }

    [Fact]
    public void TwoEditsOfTheSameLineFromOneVersionConflict()
    {
        var task = _tasks.Create("handboek", Draft("Ruzie", description: "de deadline is maandag\n"), Alice);
        var opened = _tasks.Get(task.Key)!;
        _tasks.Update(task.Key, t => t with { Description = "de deadline is dinsdag\n" }, Bob, opened.Revision);
        var ex = Assert.Throws<TaskConflictException>(() => _tasks.Update(task.Key, t => t with { Description = "de deadline is woensdag\n" }, Alice, opened.Revision));
        Assert.Contains("dinsdag", ex.Theirs);
        Assert.Contains("dinsdag", _tasks.Get(task.Key)!.Description);
    }

    [Fact]
    public async Task ConcurrentCardMovesAndEditsLoseNothing()
    {
        var keys = Enumerable.Range(0, 4).Select(i => _tasks.Create("project-atlas", Draft($"Kaart {i}", description: "omschrijving\n"), Alice).Key).ToList();
        var done = new ConcurrentBag<string>();
        var movers = keys.Select(key => Task.Run(() =>
        {
            foreach (var status in new[] { "doing", "done", "todo", "doing" })
            {
                _tasks.Update(key, t => t with { Status = status }, Bob);
            }
        }));
        var labellers = keys.Select(key => Task.Run(() =>
        {
            for (var i = 0; i < 4; i++)
            {
                var label = $"label-{i}";
                _tasks.Update(key, t => t with { Labels = [.. t.Labels, label] }, Alice);
                done.Add(key + label);
            }
        }));
        await Task.WhenAll(movers.Concat(labellers));

        foreach (var key in keys)
        {
            var task = _tasks.Get(key)!;
            Assert.Equal("doing", task.Status);
            Assert.Equal(["label-0", "label-1", "label-2", "label-3"], task.Labels);
        }

        Assert.DoesNotContain("error", _wiki.Git("fsck --full"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DeletedTasksKeepTheirHistoryAndTheirNumberIsNotReused()
    {
        var first = _tasks.Create("handboek", Draft("Eerste"), Alice);
        var second = _tasks.Create("handboek", Draft("Tweede"), Alice);
        _tasks.Delete(second.Key, Bob);

        Assert.Null(_tasks.Get(second.Key));
        Assert.Equal("HB-3", _tasks.Create("handboek", Draft("Derde"), Alice).Key);
        Assert.NotNull(_wiki.Repository.ReadFile("handboek/_tasks/_deleted/HB-2.md"));
        Assert.Equal("HB-1", first.Key);
    }

    [Fact]
    public void HistoryListsEveryChangeNewestFirst()
    {
        var task = _tasks.Create("handboek", Draft("Geschiedenis"), Alice);
        _tasks.Update(task.Key, t => t with { Status = "doing" }, Bob);
        _tasks.Update(task.Key, t => t with { Status = "done" }, Alice);
        var history = _tasks.History(task.Key);
        Assert.Equal(3, history.Count);
        Assert.Equal("HB-1: doing → done", history[0].Message.Trim());
        Assert.Equal("doing", _tasks.At(task.Key, history[1].Revision)!.Status);
    }

    [Fact]
    public void AHandWrittenTaskFileWithoutFrontMatterStillWorks()
    {
        _wiki.Repository.Commit(new TeamWiki.Storage.Git.CommitRequest([new TeamWiki.Storage.Git.PutFile("handboek/_tasks/HB-40.md", "Alleen tekst, geen velden.\n"u8.ToArray())], Alice, "hand"));
        var task = _tasks.Get("HB-40")!;
        Assert.Equal("HB-40", task.Title);
        Assert.Equal("todo", task.Status);
        Assert.Equal("HB-41", _tasks.Create("handboek", Draft("Daarna"), Alice).Key);
    }

    public void Dispose() => _wiki.Dispose();
}

public class TaskKeyTests
{
    [Theory]
    [InlineData("HB-1", "handboek/_tasks/0/HB-1.md")]
    [InlineData("HB-99", "handboek/_tasks/0/HB-99.md")]
    [InlineData("HB-100", "handboek/_tasks/100/HB-100.md")]
    [InlineData("HB-1234", "handboek/_tasks/1200/HB-1234.md")]
    public void TasksAreFiledInFoldersOfAHundred(string key, string path) =>
        Assert.Equal(path, TaskKey.FilePath("handboek", key));

    [Theory]
    [InlineData("handboek/_tasks/1200/HB-1234.md", "HB-1234")]
    [InlineData("handboek/_tasks/HB-7.md", "HB-7")]
    [InlineData("handboek/_tasks/0/hb-7.md", "HB-7")]
    public void TaskFilesAreRecognisedInAFolderOfAHundredOrPutStraightInTasks(string path, string key) =>
        Assert.Equal(("handboek", key), TaskKey.FromFilePath(path));

    [Theory]
    [InlineData("handboek/_tasks/oud/HB-1.md")]
    [InlineData("handboek/_tasks/_deleted/HB-1.md")]
    [InlineData("handboek/_tasks/0/notities.md")]
    [InlineData("handboek/_tasks/0/HB-1.txt")]
    [InlineData("handboek/taken/HB-1.md")]
    public void OtherFilesAreNotTasks(string path) => Assert.Null(TaskKey.FromFilePath(path));
}
