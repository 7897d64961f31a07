using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>Issue #18 item 2: the bot calls (and sends its token to) only a serviceUrl that an authenticated activity brought.</summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class ServiceUrlTrustTests : IAsyncLifetime
{
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(_fake, _database.Path);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Send_ServiceUrlNoAuthenticatedActivityBrought_GivesUpAndCallsNothing()
    {
        var sender = Teams();

        var result = await sender.SendAsync(Delivery(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("authenticated activity", result.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.CallsTo("POST", "/v3/conversations"));
    }

    [Fact]
    public async Task Send_ServiceUrlAnAuthenticatedActivityBrought_IsDelivered()
    {
        using var client = _factory.CreateClient();
        using var request = Activities.Post(Activities.Message(_fake.ServiceUrl, "help"), TestTokens.Create(_fake, _fake.ServiceUrl));
        using var answered = await client.SendAsync(request);
        answered.EnsureSuccessStatusCode();

        var result = await Teams().SendAsync(Delivery(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
    }

    private IPlatformSender Teams() => _factory.Services.GetServices<IPlatformSender>().Single(s => s.Platform == Platforms.Teams);

    private OutboundDelivery Delivery() => new(
        1,
        MessageTarget.Channel(new ConversationReference(Platforms.Teams, Activities.Tenant, Activities.Channel, ServiceUrl: _fake.ServiceUrl)),
        OutboundMessage.Plain("Reminder"),
        Replace: null);
}
