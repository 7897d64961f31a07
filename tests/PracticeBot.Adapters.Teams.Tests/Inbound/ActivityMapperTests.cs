using System.Text.Json;
using PracticeBot.Adapters.Teams.Inbound;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Adapters.Teams.Tests.Inbound;

public sealed class ActivityMapperTests
{
    private static Activity Load(string name) => JsonSerializer.Deserialize<Activity>(Golden.Read($"Activities/{name}.json"), TeamsJson.Options)!;

    [Fact]
    public void Map_MessageWithMentions_StripsBotAndNormalisesPeople()
    {
        var inbound = ActivityMapper.Map(Load("message-with-mentions"));

        var message = Assert.IsType<MessageReceived>(inbound.Event);
        Assert.Equal(InboundKind.Turn, inbound.Kind);
        Assert.Equal("review claim 12 <@29:2def|Ann Lee>", message.Text);
        Assert.Equal(new ChatUser("29:1abc", "Dana Cho", "6a1f0c52-0000-4000-8000-000000000001"), message.User);
        Assert.Equal(
            new ConversationReference(Platforms.Teams, "tenant-1", "19:abc@thread.tacv2;messageid=1700000000000", null, "https://smba.trafficmanager.net/amer/", "19:team@thread.tacv2"),
            message.Conversation);
    }

    [Theory]
    [InlineData("guest", true)]
    [InlineData("anonymous", true)]
    [InlineData("user", false)]
    [InlineData(null, null)]
    public void Map_FromUserRole_TellsWhetherTheUserIsAGuest(string? userRole, bool? guest)
    {
        var activity = Load("message-with-mentions");
        activity.From!.UserRole = userRole;

        var message = Assert.IsType<MessageReceived>(ActivityMapper.Map(activity).Event);

        Assert.Equal(guest, message.User.IsGuest);
    }

    [Fact]
    public void Map_AdaptiveCardInvoke_IsActionWithValueAndInputs()
    {
        var inbound = ActivityMapper.Map(Load("invoke-draft-submit"));

        var action = Assert.IsType<ActionInvoked>(inbound.Event);
        Assert.Equal(InboundKind.CardAction, inbound.Kind);
        Assert.Equal(("review.draft.submit", "12", "1700000000555"), (action.ActionId, action.Value, action.SourceMessageId));
        Assert.Equal("Thank you for telling us.", Assert.Single(action.Inputs, i => i.Key == "reply_text").Value);
    }

    [Fact]
    public void Map_ActionSubmitMessage_IsAction()
    {
        var inbound = ActivityMapper.Map(Load("message-submit"));

        var action = Assert.IsType<ActionInvoked>(inbound.Event);
        Assert.Equal(("review.claim", "12"), (action.ActionId, action.Value));
        Assert.Empty(action.Inputs);
    }

    [Fact]
    public void Map_InstallationUpdateAdd_IsBotAddedWithTeam()
    {
        var inbound = ActivityMapper.Map(Load("installation-update-add"));

        var joined = Assert.IsType<MemberJoined>(inbound.Event);
        Assert.Equal(InboundKind.Installed, inbound.Kind);
        Assert.True(joined.BotWasAdded);
        Assert.Equal(("tenant-1", "19:team@thread.tacv2"), (joined.Conversation.WorkspaceId, joined.Conversation.TeamId));
    }

    [Fact]
    public void Map_LocalMode_UsesTheWorkspaceOverride()
    {
        var inbound = ActivityMapper.Map(Load("message-with-mentions"), workspaceOverride: "local");

        Assert.Equal("local", inbound.Conversation!.WorkspaceId);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("event")]
    public void Map_OtherTypes_AreIgnored(string type)
    {
        var activity = Load("message-with-mentions");
        activity.Type = type;

        Assert.Equal(InboundKind.Ignored, ActivityMapper.Map(activity).Kind);
    }
}
