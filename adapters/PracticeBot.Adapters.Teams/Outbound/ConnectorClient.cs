using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PracticeBot.Adapters.Teams.Protocol;

namespace PracticeBot.Adapters.Teams.Outbound;

/// <summary>
/// The Bot Connector REST API as Teams uses it (<c>{serviceUrl}/v3/conversations/…</c>). The service URL comes from
/// the conversation; conversation and activity ids are URL-encoded (Teams ids hold <c>:</c>, <c>;</c> and <c>@</c>).
/// Transient failures are retried by the resilience handler before an answer comes back here.
/// </summary>
public sealed class ConnectorClient(HttpClient http, BotTokenProvider tokens, TimeProvider time)
{
    public Task<ConnectorResponse<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{E(conversationId)}/activities"), activity, ct);

    public Task<ConnectorResponse<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        activity.ReplyToId = activityId;
        return SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), activity, ct);
    }

    public Task<ConnectorResponse<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        activity.Id = activityId;
        return SendAsync<ResourceResponse>(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), activity, ct);
    }

    public Task<ConnectorResponse<ResourceResponse>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct) =>
        SendAsync<ResourceResponse>(HttpMethod.Delete, Url(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), null, ct);

    public Task<ConnectorResponse<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), parameters, ct);

    public Task<ConnectorResponse<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken ct)
    {
        var query = $"?pageSize={pageSize}" + (continuationToken is null ? "" : $"&continuationToken={E(continuationToken)}");
        return SendAsync<PagedMembersResult>(HttpMethod.Get, Url(serviceUrl, $"v3/conversations/{E(conversationId)}/pagedmembers{query}"), null, ct);
    }

    /// <summary>One member of a conversation (its <c>userRole</c> tells a guest).</summary>
    public Task<ConnectorResponse<ChannelAccount>> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        SendAsync<ChannelAccount>(HttpMethod.Get, Url(serviceUrl, $"v3/conversations/{E(conversationId)}/members/{E(userId)}"), null, ct);

    private static string E(string value) => Uri.EscapeDataString(value);

    private static Uri Url(string serviceUrl, string path) => new($"{serviceUrl.TrimEnd('/')}/{path}");

    private async Task<ConnectorResponse<T>> SendAsync<T>(HttpMethod method, Uri url, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: TeamsJson.Options);
        }

        if (await tokens.GetTokenAsync(ct) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var parsed = text.Length == 0 ? default : JsonSerializer.Deserialize<T>(text, TeamsJson.Options);
            return new ConnectorResponse<T>(response.StatusCode, parsed);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate();
        }

        return new ConnectorResponse<T>(response.StatusCode, default, await ErrorCodeAsync(response, ct), RetryAfterOf(response, time.GetUtcNow()));
    }

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The connector's <c>{"error":{"code":…}}</c>, e.g. <c>MessageWritesBlocked</c>, <c>ConversationNotFound</c>.</summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                   && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
