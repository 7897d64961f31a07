using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>A fake Slack and the real host wired to it, disposed together.</summary>
public sealed class SlackEnvironment : IAsyncDisposable
{
    private SlackEnvironment(FakeSlackApi slack, SlackHost host)
    {
        Slack = slack;
        Host = host;
    }

    public FakeSlackApi Slack { get; }

    public SlackHost Host { get; }

    public static readonly ConversationReference Channel = new(Platforms.Slack, SlackTestData.TeamId, SlackTestData.ChannelId);

    public static Task<SlackEnvironment> StartAsync(params (string Key, string? Value)[] settings) => StartAsync(null, settings);

    public static async Task<SlackEnvironment> StartAsync(Action<IServiceCollection>? services, params (string Key, string? Value)[] settings)
    {
        var slack = await FakeSlackApi.StartAsync();
        var host = new SlackHost(slack, services, settings);
        _ = host.Server; // start the host
        return new SlackEnvironment(slack, host);
    }

    /// <summary>Adds a review to the practice set up in the fake workspace, as the review sources would.</summary>
    public Task<Review> AddReviewAsync(int rating, string text) => Host.WithDbAsync(async db =>
    {
        var practice = await db.Practices.SingleAsync(p => p.Slug == "sunrise-family-medicine");
        practice.LastReviewNumber++;
        var review = new Review
        {
            PracticeId = practice.Id,
            Number = practice.LastReviewNumber,
            Source = "google",
            ExternalId = $"g-{practice.LastReviewNumber}",
            Rating = rating,
            Author = "J. D.",
            Text = text,
            CreatedAt = DateTimeOffset.UtcNow.AddHours(-3),
            ReceivedAt = DateTimeOffset.UtcNow.AddHours(-2),
            Status = ReviewStatus.New,
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    });

    /// <summary>Puts a message in the outbox for the practice's channel (as a handler would) and returns its row id.</summary>
    /// <param name="state">Changes the row before it is committed, e.g. into one an earlier attempt left in doubt.</param>
    public Task<long> EnqueueAsync(OutboundMessage message, MessageTarget? target = null, Action<OutboxMessage>? state = null) => Host.WithDbAsync(async db =>
    {
        var practice = await db.Practices.SingleAsync(p => p.Slug == "sunrise-family-medicine");
        await using var scope = Host.Services.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(practice.Id, target ?? MessageTarget.Channel(Channel), message);
        state?.Invoke(row);
        await scoped.SaveChangesAsync();
        return row.Id;
    });

    /// <summary>Changes an outbox row in place.</summary>
    public Task UpdateOutboxRowAsync(long id, Action<OutboxMessage> change) => Host.WithDbAsync(async db =>
    {
        change(await db.Outbox.SingleAsync(o => o.Id == id));
        await db.SaveChangesAsync();
        return 0;
    });

    public Task<OutboxMessage> OutboxRowAsync(long id) => Host.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
