using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Components;
using TeamWiki.Web.Conversation;
using TeamWiki.Web.Hosting;
using TeamWiki.Web.Markup;

if (await HealthProbe.RunIfRequestedAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

var data = builder.AddTeamWikiDataFolder();
builder.AddTeamWikiStorageAndSearch(data);
builder.AddTeamWikiMarkup();
builder.AddTeamWikiAuth(data);
builder.AddTeamWikiConversation();
builder.AddTeamWikiUi();

var app = builder.Build();

await app.InitialiseTeamWikiAsync();

app.UseTeamWikiPipeline();
app.MapTeamWikiApi();
app.MapTeamWikiUi();

await app.RunAsync();
return 0;
