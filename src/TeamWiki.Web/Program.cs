using TeamWiki.Web.Accounts;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Components;
using TeamWiki.Web.Conversation;
using TeamWiki.Web.Hosting;
using TeamWiki.Web.Insights;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.Pages;
using TeamWiki.Web.Pages.Cache;
using TeamWiki.Web.Pages.Links;
using TeamWiki.Web.People;
using TeamWiki.Web.Search;
using TeamWiki.Web.Startup;

// The composition root: every capability registers itself; docs/architecture.md has the map.
if (await HealthProbe.RunIfRequestedAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

var data = builder.AddTeamWikiDataFolder();
builder.AddTeamWikiStorage(data);
builder.AddTeamWikiMarkup();
builder.AddTeamWikiSearch(data);
builder.AddTeamWikiAccess();
builder.AddTeamWikiAccounts(data);
builder.AddTeamWikiNotifications();
builder.AddTeamWikiConversation();
builder.AddTeamWikiActivity();
builder.AddTeamWikiPeople();
builder.AddTeamWikiInsights();
builder.AddTeamWikiPages();
builder.AddTeamWikiPageCache();
builder.AddTeamWikiPageLinks();
builder.AddTeamWikiUi();

var app = builder.Build();

await app.InitialiseTeamWikiAsync();

app.UseTeamWikiPipeline();
app.MapTeamWikiApi();
app.MapTeamWikiUi();
app.MapSignOut();
app.MapTeamWikiNotifications();
app.MapTeamWikiPeople();

await app.RunAsync();
return 0;
