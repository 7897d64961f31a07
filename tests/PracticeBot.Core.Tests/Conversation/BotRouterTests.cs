using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Help;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Tests.Conversation;

public sealed class BotRouterTests
{
    private static readonly ConversationReference Here = new(Platforms.Slack, "T1", "C1");
    private static readonly ChatUser Ann = new("U1", "Ann");

    [Fact]
    public void OnCommand_DuplicateName_Throws()
    {
        var router = new BotRouter().OnCommand<ShowHelp>(HelpCommands.Help);

        var error = Assert.Throws<InvalidOperationException>(() => router.OnCommand<ShowHelp>(HelpCommands.Help));

        Assert.Contains("command:help topics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnSchedule_DuplicateName_Throws()
    {
        var router = new BotRouter().OnSchedule<Recorder>("weekly");

        Assert.Throws<InvalidOperationException>(() => router.OnSchedule<Recorder>("weekly"));
    }

    [Fact]
    public void OnCommand_NotInGrammar_Throws()
    {
        var frobnicate = ReviewCommands.Claim with { Verb = "frobnicate" };

        var error = Assert.Throws<InvalidOperationException>(() => new BotRouter().OnCommands([frobnicate]));

        Assert.Contains("not a command of the grammar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Use_SameMiddlewareTwice_Throws()
    {
        var router = new BotRouter().Use<FirstMiddleware>();

        Assert.Throws<InvalidOperationException>(() => router.Use<FirstMiddleware>());
    }

    [Fact]
    public void AddBotRoutes_DuplicateAcrossFeatures_ThrowsWhileBuildingServices()
    {
        var services = new ServiceCollection().AddPracticeBotCore();

        Assert.Throws<InvalidOperationException>(() => services.AddBotRoutes(bot => bot.MapHelp()));
    }

    [Fact]
    public async Task Dispatch_EachEventKind_ReachesItsRoute()
    {
        var log = new List<string>();
        var dispatcher = Build(log, bot => bot
            .OnCommand<Recorder>(PostingCommands.Ideas)
            .OnAction<Recorder>("review.claim")
            .OnSchedule<Recorder>("weekly")
            .OnMemberJoined<Recorder>("welcome")
            .OnMessage<Recorder>("greeting", new System.Text.RegularExpressions.Regex("^hello", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))));

        await dispatcher.DispatchAsync(new CommandReceived(Here, Ann, "posting", "ideas"));
        await dispatcher.DispatchAsync(new ActionInvoked(Here, Ann, "review.claim", "12", new Dictionary<string, string>()));
        await dispatcher.DispatchAsync(ScheduleFired.Create("weekly", 7, DateTimeOffset.UnixEpoch));
        await dispatcher.DispatchAsync(new MemberJoined(Here, Ann, BotWasAdded: true));
        await dispatcher.DispatchAsync(new MessageReceived(Here, Ann, "hello there"));
        await dispatcher.DispatchAsync(new MessageReceived(Here, Ann, "posting ideas"));

        Assert.Equal(
            ["command:posting ideas", "action:review.claim", "schedule:weekly", "joined:welcome", "message:greeting", "command:posting ideas"],
            log);
    }

    [Fact]
    public async Task Dispatch_Middleware_RunsInRegistrationOrderAroundHandler()
    {
        var log = new List<string>();
        var dispatcher = Build(log, bot => bot.Use<FirstMiddleware>().Use<SecondMiddleware>().OnCommand<Recorder>(PostingCommands.Ideas));

        await dispatcher.DispatchAsync(new CommandReceived(Here, Ann, "posting", "ideas"));

        Assert.Equal(["first>", "second>", "command:posting ideas", "<second", "<first"], log);
    }

    [Fact]
    public async Task Dispatch_MalformedCommand_RepliesWithUsageAndRunsNoHandler()
    {
        var log = new List<string>();
        var dispatcher = Build(log, bot => bot.OnCommand<Recorder>(ReviewCommands.Claim));

        var result = await dispatcher.DispatchAsync(new CommandReceived(Here, Ann, "review", "claim twelve"));

        Assert.Empty(log);
        var reply = Assert.Single(result.Replies).Message.Text;
        Assert.Contains("`review claim <id> [@user]`", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_UnknownText_SuggestsHelp()
    {
        var dispatcher = Build([], _ => { });

        var result = await dispatcher.DispatchAsync(new MessageReceived(Here, Ann, "what's up?"));

        Assert.Contains("help", Assert.Single(result.Replies).Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_TextStartingNearACommandWord_SuggestsTheWord()
    {
        var dispatcher = Build([], _ => { });

        var result = await dispatcher.DispatchAsync(new MessageReceived(Here, Ann, "reviews mine"));

        var reply = Assert.Single(result.Replies).Message.Text;
        Assert.Contains("Did you mean `review mine`?", OutsideText.Strip(reply), StringComparison.Ordinal);
        Assert.Contains("`help`", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("thanks!")]
    public async Task Dispatch_OrdinaryText_SuggestsNoCommandWord(string text)
    {
        var dispatcher = Build([], _ => { });

        var result = await dispatcher.DispatchAsync(new MessageReceived(Here, Ann, text));

        Assert.Equal("I didn't catch that. Type `help` to see what I can do.", Assert.Single(result.Replies).Message.Text);
    }

    [Fact]
    public void AddPracticeBotCore_Pipeline_IsErrorsTenantMemberGuestAuthorizationUnitOfWorkHomeRefresh()
    {
        var services = new ServiceCollection().AddPracticeBotCore();
        var router = (BotRouter)services.Single(d => d.ServiceType == typeof(BotRouter)).ImplementationInstance!;

        Assert.Equal(
            [typeof(ErrorReplyMiddleware), typeof(RefusalAuditMiddleware), typeof(TenantMiddleware), typeof(MemberMiddleware), typeof(GuestMiddleware), typeof(AuthorizationMiddleware), typeof(UnitOfWorkMiddleware),
                typeof(PracticeBot.Core.Home.HomeRefreshMiddleware)],
            router.Middleware);
    }

    private static BotDispatcher Build(List<string> log, Action<BotRouter> routes)
    {
        var services = new ServiceCollection().AddSingleton(log);
        services.AddBotRoutes(routes);
        var provider = services.BuildServiceProvider(validateScopes: true);
        var router = provider.GetRequiredService<BotRouter>();
        return new BotDispatcher(router, provider.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<BotDispatcher>.Instance);
    }

    private sealed class Recorder(List<string> log) :
        IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>, IBotHandler<ScheduleFired>, IBotHandler<MemberJoined>, IBotHandler<MessageReceived>
    {
        public ValueTask HandleAsync(CommandInvocation input, TurnContext turn, CancellationToken cancellationToken) => Record(turn);

        public ValueTask HandleAsync(ActionInvoked input, TurnContext turn, CancellationToken cancellationToken) => Record(turn);

        public ValueTask HandleAsync(ScheduleFired input, TurnContext turn, CancellationToken cancellationToken) => Record(turn);

        public ValueTask HandleAsync(MemberJoined input, TurnContext turn, CancellationToken cancellationToken) => Record(turn);

        public ValueTask HandleAsync(MessageReceived input, TurnContext turn, CancellationToken cancellationToken) => Record(turn);

        private ValueTask Record(TurnContext turn)
        {
            log.Add(turn.Route!.Name);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FirstMiddleware(List<string> log) : IBotMiddleware
    {
        public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
        {
            log.Add("first>");
            await next();
            log.Add("<first");
        }
    }

    private sealed class SecondMiddleware(List<string> log) : IBotMiddleware
    {
        public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
        {
            log.Add("second>");
            await next();
            log.Add("<second");
        }
    }
}
