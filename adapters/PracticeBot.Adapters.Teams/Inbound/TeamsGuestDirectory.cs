using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Teams.Outbound;
using PracticeBot.Core.Conversation;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// Whether a Teams user is a guest, when the activity did not say: the conversation member's <c>userRole</c>
/// (<c>GET /v3/conversations/{id}/members/{userId}</c>). Cached for a while; in local mode there are no guests.
/// </summary>
public sealed partial class TeamsGuestDirectory(
    IServiceScopeFactory scopes, IMemoryCache cache, IOptions<TeamsOptions> options, ILogger<TeamsGuestDirectory> logger) : IGuestDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public string Platform => Platforms.Teams;

    public async ValueTask<bool?> IsGuestAsync(ConversationReference conversation, ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        if (!options.Value.IsConfigured)
        {
            return false; // local mode: the Playground and tests on this machine
        }

        var key = $"teams-guest:{conversation.WorkspaceId}:{user.Id}";
        if (cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        if (conversation.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        try
        {
            var member = await connector.GetMemberAsync(serviceUrl, conversation.ChannelId, user.Id, cancellationToken);
            if (member is { Succeeded: true, Body: { } account })
            {
                var guest = ActivityMapper.IsGuest(account.UserRole) ?? false; // a member Teams does not call a guest is a user
                cache.Set(key, guest, CacheFor);
                return guest;
            }

            LogUnknown(logger, conversation.WorkspaceId, ((int)member.Status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException ex)
        {
            LogUnknown(logger, conversation.WorkspaceId, ex.HttpRequestError.ToString());
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell whether a person of Teams tenant {WorkspaceId} is a guest ({Error}): the turn is refused")]
    private static partial void LogUnknown(ILogger logger, string workspaceId, string error);
}
