namespace TeamWiki.Storage.Documents;

/// <summary>One file of an upload, as it arrived.</summary>
/// <param name="FileName">The name the sender gave it (sanitised before it is stored).</param>
/// <param name="Content">Its bytes.</param>
public sealed record DocumentUpload(string FileName, byte[] Content);
