using PracticeBot.Adapters.Slack;
using PracticeBot.Adapters.Teams;
using PracticeBot.Host.Health;
using PracticeBot.Host.Hosting;
using PracticeBot.Host.LocalChat;
using PracticeBot.Host.Posting;
using PracticeBot.Host.Scheduling;
using PracticeBot.Host.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddPracticeBotDefaults();
builder.AddStorage();
builder.AddConversation();
builder.AddScheduling();
builder.AddLocalChat();
builder.AddSlack();
builder.AddTeams();

var app = builder.Build();
app.MapHealth();
app.MapLocalChat();
app.MapSlack();
app.MapTeams();
app.MapPostingCalendar();
return await app.RunOrExplainAsync();

public partial class Program;
