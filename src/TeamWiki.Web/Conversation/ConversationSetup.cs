namespace TeamWiki.Web.Conversation;

/// <summary>Registers discussions (streams, posts, replies) and comments.</summary>
public static class ConversationSetup
{
    /// <summary>Adds the services.</summary>
    public static WebApplicationBuilder AddTeamWikiConversation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationText>();
        builder.Services.AddSingleton<Discussions>();
        builder.Services.AddSingleton<Comments>();
        return builder;
    }
}
