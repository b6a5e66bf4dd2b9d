namespace TeamWiki.Web.Tests.Support;

/// <summary>Removing a test's data folder once the servers on it have stopped.</summary>
public static class TempFolders
{
    /// <summary>
    /// Deletes <paramref name="folder"/>, trying again for a few seconds: a stopped server's last background
    /// writes (the index's merge threads, SQLite's journal) may still be closing their files.
    /// </summary>
    public static void Delete(string folder)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}
