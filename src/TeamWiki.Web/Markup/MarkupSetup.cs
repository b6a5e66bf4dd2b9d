namespace TeamWiki.Web.Markup;

/// <summary>Registers the Markdown renderer and its cache.</summary>
public static class MarkupSetup
{
    /// <summary>The renderer is built once (it holds the Markdig pipeline and the sanitiser).</summary>
    public static WebApplicationBuilder AddTeamWikiMarkup(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache(o => o.SizeLimit = 20_000);
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<PageRenderer>();
        return builder;
    }
}
