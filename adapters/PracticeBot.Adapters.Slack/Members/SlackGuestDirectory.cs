using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;

namespace PracticeBot.Adapters.Slack.Members;

/// <summary>
/// Slack's events and commands do not say whether someone is a guest: <c>users.info</c> does (<c>is_restricted</c>,
/// <c>is_ultra_restricted</c>). Asked only for people without a role, with the workspace's bot token, answers cached
/// for a while; bounded in time because a command's acknowledgement may be waiting.
/// </summary>
public sealed partial class SlackGuestDirectory(SlackApiClient api, SlackTokenStore tokens, IMemoryCache cache, ILogger<SlackGuestDirectory> logger)
    : IGuestDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(2);

    public string Platform => Platforms.Slack;

    public async ValueTask<bool?> IsGuestAsync(ConversationReference conversation, ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        var key = $"slack-guest:{conversation.WorkspaceId}:{user.Id}";
        if (cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(LookupBudget);
        try
        {
            if (await tokens.GetBotTokenAsync(conversation.WorkspaceId, budget.Token) is not { } token)
            {
                LogUnknown(logger, conversation.WorkspaceId, "no bot token");
                return null;
            }

            var found = await api.GetUserAsync(token, user.Id, budget.Token);
            cache.Set(key, found.IsGuest, CacheFor);
            return found.IsGuest;
        }
        catch (SlackApiException ex)
        {
            LogUnknown(logger, conversation.WorkspaceId, ex.Error);
            return null;
        }
        catch (HttpRequestException ex)
        {
            LogUnknown(logger, conversation.WorkspaceId, ex.HttpRequestError.ToString());
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnknown(logger, conversation.WorkspaceId, "timed out");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell whether a person of Slack workspace {WorkspaceId} is a guest ({Error}): the turn is refused")]
    private static partial void LogUnknown(ILogger logger, string workspaceId, string error);
}
