using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

public sealed class OutboxDelivererCardTests : OutboxTestContext
{
    private const string CardKey = "review:12";

    private static readonly OutboundMessage Post = new("New 2-star review", Card.Of(), CardKey);
    private static readonly OutboundMessage Update = new OutboundMessage("Claimed by Ana", Card.Of()).AsUpdateOf(CardKey);

    [Fact]
    public async Task DeliverDue_CardUpdate_ReplacesTheEarlierSentMessage()
    {
        // Arrange
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);
        var postId = Database.Enqueue(Time, Post);
        await deliverer.DeliverDueAsync(CancellationToken.None);
        var updateId = Database.Enqueue(Time, Update);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        var update = Assert.Single(sender.Calls, c => c.OutboxId == updateId);
        Assert.Equal(new SentMessageRef("C1", $"ts-{postId}"), update.Replace);
        var row = Database.Get(updateId);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal($"ts-{postId}", row.PlatformMessageId);
    }

    [Fact]
    public async Task DeliverDue_SecondCardUpdate_ReplacesTheSameMessage()
    {
        // Arrange
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);
        var postId = Database.Enqueue(Time, Post);
        Database.Enqueue(Time, Update);
        var secondUpdateId = Database.Enqueue(Time, Update with { Text = "Reply published" });

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(3, sender.Calls.Count);
        var second = Assert.Single(sender.Calls, c => c.OutboxId == secondUpdateId);
        Assert.Equal(new SentMessageRef("C1", $"ts-{postId}"), second.Replace);
    }

    [Fact]
    public async Task DeliverDue_CardUpdateWhilePostIsPending_WaitsForThePost()
    {
        // Arrange: the post hits a rate limit, the update behind it is due
        Options.BaseDelay = TimeSpan.FromSeconds(2);
        var sender = new ScriptedSender((d, call) => d.Message.ReplacesCard || call > 1
            ? ScriptedSender.Accept(d)
            : DeliveryResult.TryLater("rate_limited", TimeSpan.FromSeconds(30)));
        var deliverer = Deliverer(sender);
        var postId = Database.Enqueue(Time, Post);
        var updateId = Database.Enqueue(Time, Update);

        // Act
        var firstRound = await deliverer.DeliverDueAsync(CancellationToken.None);
        var waiting = Database.Get(updateId);
        Time.Advance(TimeSpan.FromSeconds(30));
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert: the update was not even tried before the post (its conversation waits), and then replaced it
        Assert.Equal(1, firstRound);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(Start, waiting.NextAttemptAt);
        Assert.Null(waiting.LastError);
        Assert.Equal([postId, postId, updateId], sender.Calls.Select(c => c.OutboxId));
        Assert.Equal(new SentMessageRef("C1", $"ts-{postId}"), sender.Calls.Last().Replace);
        Assert.Equal(OutboxStatus.Sent, Database.Get(updateId).Status);
    }

    [Fact]
    public async Task DeliverDue_CardUpdateWithoutEarlierMessage_PostsAsNew()
    {
        // Arrange
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var updateId = Database.Enqueue(Time, Update);

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        var call = Assert.Single(sender.Calls);
        Assert.Null(call.Replace);
        Assert.Equal(OutboxStatus.Sent, Database.Get(updateId).Status);
    }

    [Fact]
    public async Task DeliverDue_CardUpdateAfterDeadPost_PostsAsNew()
    {
        // Arrange
        var sender = new ScriptedSender((d, _) => d.Message.ReplacesCard ? ScriptedSender.Accept(d) : DeliveryResult.GiveUp("not_in_channel"));
        var deliverer = Deliverer(sender);
        Database.Enqueue(Time, Post);
        var updateId = Database.Enqueue(Time, Update);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Null(Assert.Single(sender.Calls, c => c.OutboxId == updateId).Replace);
    }

    [Fact]
    public async Task DeliverDue_CardUpdateForAnotherChannel_DoesNotReplaceThisChannelsMessage()
    {
        // Arrange
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);
        Database.Enqueue(Time, Post);
        await deliverer.DeliverDueAsync(CancellationToken.None);
        var elsewhere = MessageTarget.Channel(new ConversationReference(Platforms.Local, "W1", "C2"));
        var updateId = Database.Enqueue(Time, Update, elsewhere);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Null(Assert.Single(sender.Calls, c => c.OutboxId == updateId).Replace);
    }

    [Fact]
    public async Task DeliverDue_CardUpdateOfAnotherPractice_DoesNotReplace()
    {
        // Arrange
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);
        Database.Enqueue(Time, Post, practiceId: 1);
        await deliverer.DeliverDueAsync(CancellationToken.None);
        var updateId = Database.Enqueue(Time, Update, practiceId: 2);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Null(Assert.Single(sender.Calls, c => c.OutboxId == updateId).Replace);
    }
}
