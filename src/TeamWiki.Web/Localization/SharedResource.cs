namespace TeamWiki.Web;

/// <summary>
/// Marker for the UI strings. Keys are the English text; <c>Resources/SharedResource.nl.resx</c> holds the
/// Dutch (the default language). A test checks that every key used in the code has a Dutch translation.
/// </summary>
public sealed class SharedResource;
