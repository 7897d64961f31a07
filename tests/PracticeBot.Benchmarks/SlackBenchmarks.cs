using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Benchmarks;

/// <summary>
/// What <c>POST /slack/events</c> does for a slash command before any handler or database work: verify the v0
/// signature over the raw body, read the form, map it to a neutral command, parse the command and select its route
/// (<see cref="BotRouter.Select"/> over the real route table). No HTTP, no database, no handler.
/// </summary>
[MemoryDiagnoser]
public class SlackBenchmarks
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private readonly byte[] _body = Encoding.UTF8.GetBytes(
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=sunrise&channel_id=C2147483705&channel_name=reviews" +
        "&user_id=U2147483697&user_name=ann&command=%2Freview&text=claim+12+%3C%40U024BE7LH%7Cann%3E&api_app_id=A123456" +
        "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0");

    private SlackSignature _signature = null!;
    private string _timestamp = "";
    private string _signed = "";
    private BotRouter _router = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signature = new SlackSignature(Secret, TimeProvider.System);
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _signed = _signature.Sign(_timestamp, _body);
        var services = new ServiceCollection().AddPracticeBotCore();
        _router = (BotRouter)services.Single(d => d.ServiceType == typeof(BotRouter)).ImplementationInstance!;
        _services = services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public bool Verify() => _signature.IsValid(_timestamp, _signed, _body);

    [Benchmark]
    public object? VerifyParseMap() =>
        _signature.IsValid(_timestamp, _signed, _body) && SlackRequestParser.ParseHttp("application/x-www-form-urlencoded", _body) is SlashCommand c
            ? SlackEventMapper.ToCommand(c)
            : null;

    [Benchmark]
    public Route? VerifyParseMapRoute()
    {
        if (!_signature.IsValid(_timestamp, _signed, _body)
            || SlackRequestParser.ParseHttp("application/x-www-form-urlencoded", _body) is not SlashCommand c)
        {
            return null;
        }

        var command = SlackEventMapper.ToCommand(c);
        var turn = new TurnContext(command, _services, "bench", DateTimeOffset.UnixEpoch);
        var parsed = CommandParser.Parse(command.Name, command.Text);
        turn.Command = parsed.Succeeded ? parsed.Command : null;
        return _router.Select(turn);
    }
}
