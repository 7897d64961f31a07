using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

public sealed class OutboxDelivererOrderTests : OutboxTestContext
{
    private static readonly MessageTarget C1 = MessageTarget.Channel(OutboxTestDatabase.Channel);
    private static readonly MessageTarget C2 = MessageTarget.Channel(OutboxTestDatabase.Channel with { ChannelId = "C2" });

    [Fact]
    public async Task DeliverDue_EarlierRowOfItsConversationBackingOff_WaitsWhileOtherConversationsGoOn()
    {
        // Arrange: the first message of C1 fails twice; the second of C1 and one of C2 are due at once
        var first = Database.Enqueue(Time, OutboundMessage.Plain("1"), C1);
        var second = Database.Enqueue(Time, OutboundMessage.Plain("2"), C1);
        var elsewhere = Database.Enqueue(Time, OutboundMessage.Plain("other"), C2);
        var sender = new ScriptedSender((d, call) => d.OutboxId == first && call <= 2 ? DeliveryResult.TryLater("http_5xx") : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        var rounds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            rounds.Add(await deliverer.DeliverDueAsync(CancellationToken.None));
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        // Assert: C2 was not held up; C1's second message waited, untried, and followed its first in the same batch
        Assert.Equal([2, 1, 2], rounds);
        Assert.Equal([first, elsewhere, first, first, second], sender.Calls.Select(c => c.OutboxId));
        Assert.Equal(1, Database.Get(second).Attempts);
        Assert.All(Database.All(), row => Assert.Equal(OutboxStatus.Sent, row.Status));
    }

    [Fact]
    public async Task DeliverDue_BurstOfRefreshesOfOneHome_PublishesItOnceAndOtherHomesToo()
    {
        // Arrange: three changes concerned Ann's home before the deliverer came round; one concerned Bob's
        var ann = MessageTarget.HomeOf(OutboxTestDatabase.Channel, "U-ann");
        var refreshes = Enumerable.Range(0, 3).Select(_ => Database.Enqueue(Time, OutboundMessage.Plain("home"), ann)).ToList();
        var bob = Database.Enqueue(Time, OutboundMessage.Plain("home"), MessageTarget.HomeOf(OutboxTestDatabase.Channel, "U-bob"));
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert: Ann's home is published once, by the last refresh (it reads the data then); Bob's once; all rows done
        Assert.Equal([refreshes[^1], bob], sender.Calls.Select(c => c.OutboxId).Order());
        Assert.All(Database.All(), row => Assert.Equal(OutboxStatus.Sent, row.Status));
    }

    [Fact]
    public async Task DeliverDue_EarlierRowDead_DoesNotHoldBackItsConversation()
    {
        // Arrange
        var first = Database.Enqueue(Time, OutboundMessage.Plain("1"), C1);
        var second = Database.Enqueue(Time, OutboundMessage.Plain("2"), C1);
        var sender = new ScriptedSender((d, _) => d.OutboxId == first ? DeliveryResult.GiveUp("msg_too_long") : ScriptedSender.Accept(d));

        // Act
        var handled = await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(2, handled);
        Assert.Equal(OutboxStatus.Dead, Database.Get(first).Status);
        Assert.Equal(OutboxStatus.Sent, Database.Get(second).Status);
    }

    [Fact]
    public async Task DeliverDue_EarlierRowLeasedByAnotherWorker_LaterRowWaitsForIt()
    {
        // Arrange: another worker is sending the first message right now
        var first = Database.Enqueue(Time, OutboundMessage.Plain("1"), C1);
        var second = Database.Enqueue(Time, OutboundMessage.Plain("2"), C1);
        Database.Update(first, o =>
        {
            o.LeaseOwner = "worker-b";
            o.LeaseExpiresAt = Start + Options.LeaseDuration;
            o.AttemptStartedAt = Start;
            o.Attempts = 1;
        });
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        var handled = await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, handled);
        Assert.Empty(sender.Calls);
        Assert.Equal(0, Database.Get(second).Attempts);
    }

    [Fact]
    public async Task DeliverDue_DirectMessagesToTwoUsers_AreSeparateConversations()
    {
        // Arrange: the DM to Ann keeps failing; Ben's must not wait for it
        var workspace = OutboxTestDatabase.Channel;
        var ann = Database.Enqueue(Time, OutboundMessage.Plain("to Ann"), MessageTarget.DirectTo(workspace, "U-ANN"));
        var ben = Database.Enqueue(Time, OutboundMessage.Plain("to Ben"), MessageTarget.DirectTo(workspace, "U-BEN"));
        var annAgain = Database.Enqueue(Time, OutboundMessage.Plain("to Ann again"), MessageTarget.DirectTo(workspace, "U-ANN"));
        var sender = new ScriptedSender((d, _) => d.Target.UserId == "U-ANN" ? DeliveryResult.TryLater("ratelimited") : ScriptedSender.Accept(d));

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal([ann, ben], sender.Calls.Select(c => c.OutboxId));
        Assert.Equal(OutboxStatus.Sent, Database.Get(ben).Status);
        Assert.Equal(0, Database.Get(annAgain).Attempts);
    }

    [Fact]
    public async Task DeliverDue_SeveralBusyConversations_DrainInOneBatchRoundByRoundInOrder()
    {
        // Arrange: five messages in each of three channels, written interleaved
        var targets = new[] { C1, C2, MessageTarget.Channel(OutboxTestDatabase.Channel with { ChannelId = "C3" }) };
        var ids = new List<(long Id, string Channel)>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var target in targets)
            {
                ids.Add((Database.Enqueue(Time, OutboundMessage.Plain($"{target.Conversation.ChannelId} {i}"), target), target.Conversation.ChannelId));
            }
        }

        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        var handled = await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert: everything in one call, each channel in the order written, the channels taking turns
        Assert.Equal(15, handled);
        Assert.Equal(ids.Select(r => r.Id), sender.Calls.Select(c => c.OutboxId));
    }

    [Fact]
    public async Task DeliverDue_BusyConversation_StopsAtTheBatchSize()
    {
        // Arrange
        Options.BatchSize = 4;
        var ids = Database.EnqueueMany(Time, 10);
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        var first = await deliverer.DeliverDueAsync(CancellationToken.None);
        var second = await deliverer.DeliverDueAsync(CancellationToken.None);
        var third = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal([4, 4, 2], new[] { first, second, third });
        Assert.Equal(ids, sender.Calls.Select(c => c.OutboxId));
    }

    [Fact]
    public async Task DeliverDue_RowWrittenBeforeTheKeyExisted_IsStillDelivered()
    {
        // Arrange: rows queued before the upgrade have an empty key; they form one conversation of their own
        var old = Database.Enqueue(Time, OutboundMessage.Plain("queued before the upgrade"));
        Database.Update(old, o => o.ConversationKey = "");
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(OutboxStatus.Sent, Database.Get(old).Status);
    }

    [Theory]
    [InlineData(MessageVisibility.InChannel, null, null, "slack/T1/C1")]
    [InlineData(MessageVisibility.InChannel, "1700000000.000100", null, "slack/T1/C1")]
    [InlineData(MessageVisibility.Ephemeral, null, "U1", "slack/T1/C1")]
    [InlineData(MessageVisibility.Direct, null, "U1", "slack/T1/@U1")]
    public void KeyOf_Target_IsPlatformWorkspaceAndChannelOrUser(MessageVisibility visibility, string? thread, string? user, string expected)
    {
        // Arrange
        var conversation = new ConversationReference(Platforms.Slack, "T1", visibility == MessageVisibility.Direct ? "" : "C1", thread);

        // Act
        var key = OutboxConversation.KeyOf(new MessageTarget(visibility, conversation, user));

        // Assert
        Assert.Equal(expected, key);
    }

    [Fact]
    public void KeyOf_VeryLongTeamsConversationId_FitsTheColumnAndStaysDistinct()
    {
        // Arrange
        var a = MessageTarget.Channel(new ConversationReference(Platforms.Teams, "tenant", "19:" + new string('a', 600) + "@thread.tacv2"));
        var b = MessageTarget.Channel(new ConversationReference(Platforms.Teams, "tenant", "19:" + new string('a', 600) + "@thread.skype"));

        // Act
        var (keyA, keyB) = (OutboxConversation.KeyOf(a), OutboxConversation.KeyOf(b));

        // Assert
        Assert.Equal(OutboxConversation.MaxKeyLength, keyA.Length);
        Assert.StartsWith("teams/tenant/19:aaa", keyA, StringComparison.Ordinal);
        Assert.NotEqual(keyA, keyB);
    }
}
