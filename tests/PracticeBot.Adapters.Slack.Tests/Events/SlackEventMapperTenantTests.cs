using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Interaction;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>The workspace of a mapped event is the one Slack signed the request for, never one named inside the payload.</summary>
public sealed class SlackEventMapperTenantTests
{
    private const string OurTeam = "T0OURS0001";
    private const string OtherTeam = "T0OTHER001";

    private static SlackInteraction Submission(string? team, ModalMetadata metadata)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "U0ANN", ["name"] = "ann" },
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["private_metadata"] = metadata.Serialize(),
                ["state"] = new JsonObject { ["values"] = new JsonObject() },
            },
        };
        if (team is not null)
        {
            payload["team"] = new JsonObject { ["id"] = team };
            payload["user"]!["team_id"] = team;
        }

        return new SlackInteraction("view_submission", JsonDocument.Parse(payload.ToJsonString()).RootElement);
    }

    [Fact]
    public void ToAction_SubmissionWithoutTeam_IsDroppedEvenWhenMetadataNamesOne()
    {
        var interaction = Submission(null, new ModalMetadata(OtherTeam, "C0OTHER", null, "review.draft.submit", "7"));

        Assert.Null(SlackEventMapper.ToAction(interaction));
    }

    [Fact]
    public void ToAction_MetadataOfAnotherTeam_RunsInTheSignedTeamWithoutTheMetadataChannel()
    {
        var interaction = Submission(OurTeam, new ModalMetadata(OtherTeam, "C0OTHER", "1700000000.000100", "review.draft.submit", "7"));

        var action = SlackEventMapper.ToAction(interaction);

        Assert.NotNull(action);
        Assert.Equal((OurTeam, "", null), (action.Conversation.WorkspaceId, action.Conversation.ChannelId, action.Conversation.ThreadId));
        Assert.Equal(("review.draft.submit", "7"), (action.ActionId, action.Value));
    }

    [Fact]
    public void ToAction_MetadataOfTheSameTeam_KeepsItsChannelAndThread()
    {
        var interaction = Submission(OurTeam, new ModalMetadata(OurTeam, "C0OURS", "1700000000.000100", "review.draft.submit", "7"));

        var action = SlackEventMapper.ToAction(interaction);

        Assert.NotNull(action);
        Assert.Equal((OurTeam, "C0OURS", "1700000000.000100"), (action.Conversation.WorkspaceId, action.Conversation.ChannelId, action.Conversation.ThreadId));
    }

    [Fact]
    public void ToEvent_AuthorFromAnotherTeam_BelongsToTheWorkspaceTheEventWasDeliveredFor()
    {
        using var payload = JsonDocument.Parse(new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = OurTeam,
            ["event_id"] = "Ev0SHARED1",
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention", ["user"] = "U0GUEST", ["team"] = OtherTeam, ["text"] = "<@U0BOT> review",
                ["ts"] = "1700000000.000200", ["channel"] = "C0SHARED",
            },
        }.ToJsonString());
        var callback = (SlackEventCallback)SlackRequestParser.ParseEnvelopePayload("events_api", payload.RootElement)!;

        var mapped = SlackEventMapper.ToEvent(callback, "U0BOT");

        var message = Assert.IsType<MessageReceived>(mapped);
        Assert.Equal(OurTeam, message.Conversation.WorkspaceId);
    }
}
