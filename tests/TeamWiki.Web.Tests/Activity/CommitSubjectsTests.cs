using TeamWiki.Web.Activity;

namespace TeamWiki.Web.Tests.Activity;

/// <summary>The wiki's own commit subjects are recognised, a person's own message is not.</summary>
public class CommitSubjectsTests
{
    [Theory]
    [InlineData("Create handboek/verlof", CommitAction.PageCreated, "handboek/verlof")]
    [InlineData("Update handboek/verlof", CommitAction.PageEdited, "handboek/verlof")]
    [InlineData("Delete handboek/verlof", CommitAction.PageDeleted, "handboek/verlof")]
    [InlineData("Move handboek/verlof to kennisbank/verlof", CommitAction.PageMoved, "handboek/verlof|kennisbank/verlof")]
    [InlineData("Move to kennisbank/verlof", CommitAction.PageMovedIn, "kennisbank/verlof")]
    [InlineData("Move handboek/verlof elsewhere", CommitAction.PageMovedOut, "handboek/verlof")]
    [InlineData("Revert handboek/verlof to 21aead4\n\nRestores the text of 21aead4… (Update handboek/verlof).", CommitAction.PageReverted, "handboek/verlof|21aead4")]
    [InlineData("Restore handboek/verlof\n\nDeleted in 1234567; text from 89abcde.", CommitAction.PageRestored, "handboek/verlof")]
    [InlineData("Create ATL-7: Teksten laten nakijken", CommitAction.TaskCreated, "ATL-7")]
    [InlineData("Update ATL-7: Teksten laten nakijken", CommitAction.TaskEdited, "ATL-7")]
    [InlineData("Delete ATL-7: Teksten laten nakijken", CommitAction.TaskDeleted, "ATL-7")]
    [InlineData("ATL-7: todo → doing", CommitAction.TaskStatusChanged, "ATL-7|todo|doing")]
    [InlineData("Upload plan.pdf, begroting.xlsx", CommitAction.DocumentsUploaded, "plan.pdf, begroting.xlsx")]
    [InlineData("New version of plan.pdf", CommitAction.DocumentNewVersion, "plan.pdf")]
    [InlineData("Restore plan.pdf to 0123abc", CommitAction.DocumentRestored, "plan.pdf|0123abc")]
    [InlineData("Create space atlas", CommitAction.SpaceCreated, "atlas")]
    [InlineData("Update space atlas", CommitAction.SpaceEdited, "atlas")]
    [InlineData("Import the sample wiki", CommitAction.SampleImported, "")]
    public void TheWikisOwnSubjectsAreRecognised(string message, CommitAction action, string arguments)
    {
        var subject = CommitSubjects.Parse(message);

        Assert.NotNull(subject);
        Assert.Equal(action, subject.Action);
        Assert.Equal(arguments, string.Join("|", subject.Arguments));
    }

    [Theory]
    [InlineData("Typfouten verbeterd")]
    [InlineData("Update intro")]
    [InlineData("Update the intro")]
    [InlineData("Merge branch 'main' of laptop")]
    [InlineData("")]
    public void APersonsOwnMessageIsNotRecognised(string message) => Assert.Null(CommitSubjects.Parse(message));
}
