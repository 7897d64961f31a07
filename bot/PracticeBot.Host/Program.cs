using PracticeBot.Adapters.Slack;
using PracticeBot.Adapters.Teams;
using PracticeBot.Host.CheckIns;
using PracticeBot.Host.Conversation;
using PracticeBot.Host.Dashboard;
using PracticeBot.Host.Health;
using PracticeBot.Host.Hosting;
using PracticeBot.Host.LocalChat;
using PracticeBot.Host.Posting;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Reviews.Suggestions;
using PracticeBot.Host.Scheduling;
using PracticeBot.Host.Security;
using PracticeBot.Host.Storage;
using PracticeBot.Host.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddPracticeBotDefaults();
builder.AddStorage();
builder.AddHealth();
builder.AddTelemetry();
builder.AddKeyRing();
builder.AddConversation();
builder.AddCharts();
builder.AddScheduling();
builder.AddLocalChat();
builder.AddSlack();
builder.AddTeams();
builder.AddReviewSources();
builder.AddReplySuggestions();
builder.AddPostingCalendar();
builder.AddDashboard();

var app = builder.Build();
app.WarmUpStorageModel();
if (ReviewImportCommand.IsRequested(args))
{
    return await ReviewImportCommand.RunAsync(app, args);
}

app.UseFailureResponses();
app.UseRateLimiter();
app.MapHealth();
app.MapTelemetry();
app.MapLocalChat();
app.MapSlack();
app.MapTeams();
app.MapPostingCalendar();
app.MapReviewSources();
app.MapDashboard();
return await app.RunOrExplainAsync();

public partial class Program;
