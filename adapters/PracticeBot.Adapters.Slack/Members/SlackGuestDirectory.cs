using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;

namespace PracticeBot.Adapters.Slack.Members;

/// <summary>
/// Slack's events and commands do not say whether someone is a guest: <c>users.info</c> does (<c>is_restricted</c>,
/// <c>is_ultra_restricted</c>). Asked only for people without a role, with the workspace's bot token, answers cached
/// for a while; bounded in time so a slow Slack cannot hold a turn. Without any bot token (a deployment with only a
/// signing secret) nobody can be asked, and nobody is taken for a guest: that is said once in the log.
/// </summary>
public sealed partial class SlackGuestDirectory(SlackApiClient api, SlackTokenStore tokens, IMemoryCache cache, ILogger<SlackGuestDirectory> logger)
    : IGuestDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(10);

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
                if (Interlocked.Exchange(ref _saidNoToken, 1) == 0)
                {
                    LogNoToken(logger, conversation.WorkspaceId);
                }

                return false;
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

    private int _saidNoToken;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {WorkspaceId} has no bot token, so users.info cannot tell guests apart: guests are treated as members until one is configured")]
    private static partial void LogNoToken(ILogger logger, string workspaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell whether a person of Slack workspace {WorkspaceId} is a guest ({Error}): the turn is refused")]
    private static partial void LogUnknown(ILogger logger, string workspaceId, string error);
}
