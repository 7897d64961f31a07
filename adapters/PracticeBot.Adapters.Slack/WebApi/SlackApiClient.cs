using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// The Slack Web API methods the bot uses, over a typed client from <see cref="IHttpClientFactory"/> (named
/// <see cref="HttpClientName"/>, with the resilience handler). Every failure is a <see cref="SlackApiException"/>
/// carrying Slack's error code, so callers classify it without reading text. Tokens and bodies are never logged.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options)
{
    public const string HttpClientName = "slack-web-api";
    public const string ResponseUrlClientName = "slack-response-url";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Task<SlackMessageRef> PostMessageAsync(string token, string channel, JsonObject message, string? threadTs, CancellationToken ct) =>
        PostMessageAsync(token, channel, message, threadTs, metadata: null, ct);

    /// <param name="metadata">Message metadata (<c>event_type</c> and <c>event_payload</c>), to find the message again later.</param>
    public async Task<SlackMessageRef> PostMessageAsync(string token, string channel, JsonObject message, string? threadTs, JsonObject? metadata, CancellationToken ct)
    {
        var body = Copy(message);
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        if (metadata is not null)
        {
            body["metadata"] = Copy(metadata);
        }

        var result = await CallAsync("chat.postMessage", token, body, ct);
        return new SlackMessageRef(Str(result, "channel") ?? channel, Str(result, "ts") ?? throw Malformed("chat.postMessage"));
    }

    public async Task<SlackMessageRef> UpdateMessageAsync(string token, string channel, string ts, JsonObject message, CancellationToken ct)
    {
        var body = Copy(message);
        body["channel"] = channel;
        body["ts"] = ts;
        if (!body.ContainsKey("blocks"))
        {
            body["blocks"] = new JsonArray(); // a card that became plain text loses its old blocks
        }

        var result = await CallAsync("chat.update", token, body, ct);
        return new SlackMessageRef(Str(result, "channel") ?? channel, Str(result, "ts") ?? ts);
    }

    /// <returns>The ephemeral message's <c>message_ts</c>.</returns>
    public async Task<string> PostEphemeralAsync(string token, string channel, string user, JsonObject message, string? threadTs, CancellationToken ct)
    {
        var body = Copy(message);
        body["channel"] = channel;
        body["user"] = user;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        var result = await CallAsync("chat.postEphemeral", token, body, ct);
        return Str(result, "message_ts") ?? "";
    }

    /// <returns>The view id.</returns>
    public async Task<string> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken ct)
    {
        var result = await CallAsync("views.open", token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = Copy(view) }, ct);
        return ViewId(result);
    }

    public async Task<string> UpdateViewAsync(string token, string viewId, JsonObject view, CancellationToken ct)
    {
        var result = await CallAsync("views.update", token, new JsonObject { ["view_id"] = viewId, ["view"] = Copy(view) }, ct);
        return ViewId(result);
    }

    public async Task<string> PublishViewAsync(string token, string userId, JsonObject view, CancellationToken ct)
    {
        var result = await CallAsync("views.publish", token, new JsonObject { ["user_id"] = userId, ["view"] = Copy(view) }, ct);
        return ViewId(result);
    }

    /// <returns>The id of the direct-message channel with <paramref name="userId"/>.</returns>
    public async Task<string> OpenConversationAsync(string token, string userId, CancellationToken ct)
    {
        var result = await CallAsync("conversations.open", token, new JsonObject { ["users"] = userId }, ct);
        return result.TryGetProperty("channel", out var channel) && Str(channel, "id") is { } id ? id : throw Malformed("conversations.open");
    }

    /// <summary>
    /// Searches the messages of <paramref name="channel"/> (or, with <paramref name="threadTs"/>, of that thread) posted
    /// after <paramref name="oldest"/>, with their metadata, page by page (newest first), for the first one
    /// <paramref name="matches"/> accepts: <c>conversations.history</c>, or <c>conversations.replies</c> for a thread.
    /// </summary>
    /// <returns>The message found, or null when none of the first <paramref name="maxPages"/> pages had it.</returns>
    public async Task<SlackMessageRef?> FindMessageAsync(
        string token, string channel, string? threadTs, DateTimeOffset oldest, Func<JsonElement, bool> matches, int maxPages, CancellationToken ct)
    {
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        var oldestTs = (oldest.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            List<KeyValuePair<string, string>> form =
                [new("channel", channel), new("oldest", oldestTs), new("include_all_metadata", "true"), new("limit", "200")];
            if (threadTs is not null)
            {
                form.Add(new("ts", threadTs));
            }

            if (cursor is not null)
            {
                form.Add(new("cursor", cursor));
            }

            var result = await CallFormAsync(method, token, [.. form], ct);
            if (result.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                foreach (var found in messages.EnumerateArray())
                {
                    if (matches(found) && Str(found, "ts") is { } ts)
                    {
                        return new SlackMessageRef(channel, ts);
                    }
                }
            }

            cursor = result.TryGetProperty("response_metadata", out var meta) && Str(meta, "next_cursor") is { Length: > 0 } next ? next : null;
            if (cursor is null)
            {
                return null;
            }
        }

        return null;
    }

    public async Task<SlackUser> GetUserAsync(string token, string userId, CancellationToken ct)
    {
        // users.info takes form arguments, not JSON.
        var result = await CallFormAsync("users.info", token, [new("user", userId)], ct);
        if (!result.TryGetProperty("user", out var user))
        {
            throw Malformed("users.info");
        }

        var profile = user.TryGetProperty("profile", out var p) ? p : default;
        return new SlackUser(
            Str(user, "id") ?? userId,
            Str(user, "name"),
            Str(user, "real_name") ?? Str(profile, "real_name"),
            Str(profile, "display_name"),
            user.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True,
            Str(user, "tz"),
            IsGuest: IsTrue(user, "is_restricted") || IsTrue(user, "is_ultra_restricted"));
    }

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public async Task<SlackAuthTest> AuthTestAsync(string token, CancellationToken ct)
    {
        var result = await CallAsync("auth.test", token, new JsonObject(), ct);
        return new SlackAuthTest(Str(result, "team_id") ?? "", Str(result, "team"), Str(result, "user_id") ?? "", Str(result, "bot_id"));
    }

    /// <summary>Exchanges an OAuth code for the workspace's bot token (client credentials in the form, no bearer).</summary>
    public async Task<SlackOAuthAccess> OAuthV2AccessAsync(string code, string redirectUri, CancellationToken ct)
    {
        var settings = options.Value;
        var result = await CallFormAsync("oauth.v2.access", token: null,
            [new("client_id", settings.ClientId ?? ""), new("client_secret", settings.ClientSecret ?? ""), new("code", code), new("redirect_uri", redirectUri)],
            ct);
        var team = result.TryGetProperty("team", out var t) ? t : default;
        var enterprise = result.TryGetProperty("enterprise", out var e) ? e : default;
        var installer = result.TryGetProperty("authed_user", out var a) ? a : default;
        return new SlackOAuthAccess(
            Str(result, "access_token") ?? throw Malformed("oauth.v2.access"),
            Str(result, "scope"),
            Str(result, "bot_user_id"),
            Str(team, "id"),
            Str(team, "name"),
            Str(enterprise, "id"),
            result.TryGetProperty("is_enterprise_install", out var org) && org.ValueKind == JsonValueKind.True,
            Str(installer, "id"));
    }

    /// <summary>
    /// Uploads one file with Slack's external upload flow: <c>files.getUploadURLExternal</c>, the bytes POSTed to the
    /// returned <c>upload_url</c>, then <c>files.completeUploadExternal</c> sharing it in <paramref name="channel"/>
    /// (in the thread of <paramref name="threadTs"/> when given).
    /// </summary>
    /// <returns>The file id.</returns>
    public async Task<string> UploadFileAsync(string token, string channel, string? threadTs, string filename, string title, byte[] content, CancellationToken ct)
    {
        var ticket = await CallFormAsync("files.getUploadURLExternal", token,
            [new("filename", filename), new("length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct);
        var fileId = Str(ticket, "file_id") ?? throw Malformed("files.getUploadURLExternal");
        if (Str(ticket, "upload_url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUri)
            || (uploadUri.Scheme != Uri.UriSchemeHttps && uploadUri.Scheme != Uri.UriSchemeHttp))
        {
            throw Malformed("files.getUploadURLExternal");
        }

        var http = clients.CreateClient(HttpClientName);
        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using (var uploaded = await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, uploadUri) { Content = bytes }, "upload_url", ct))
        {
            ThrowIfFailed(uploaded, "upload_url");
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }),
            ["channel_id"] = channel,
        };
        if (threadTs is not null)
        {
            complete["thread_ts"] = threadTs;
        }

        await CallAsync("files.completeUploadExternal", token, complete, ct);
        return fileId;
    }

    /// <summary>Socket Mode: a fresh WebSocket URL for the app-level token.</summary>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct)
    {
        var result = await CallAsync("apps.connections.open", appToken, new JsonObject(), ct);
        return Str(result, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw Malformed("apps.connections.open");
    }

    /// <summary>Answers an interaction or command later through its <c>response_url</c> (valid 30 minutes, 5 uses).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, JsonObject message, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SlackApiException("response_url", "invalid_response_url");
        }

        var http = clients.CreateClient(ResponseUrlClientName);
        using var content = new StringContent(message.ToJsonString(), Encoding.UTF8, Json.MediaType);
        using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, uri) { Content = content }, "response_url", ct);
        ThrowIfFailed(response, "response_url");
    }

    private async Task<JsonElement> CallAsync(string method, string? token, JsonObject body, CancellationToken ct)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = Json;
        return await SendAsync(method, token, content, ct);
    }

    private Task<JsonElement> CallFormAsync(string method, string? token, KeyValuePair<string, string>[] form, CancellationToken ct) =>
        SendAsync(method, token, new FormUrlEncodedContent(form), ct);

    private async Task<JsonElement> SendAsync(string method, string? token, HttpContent content, CancellationToken ct)
    {
        var http = clients.CreateClient(HttpClientName);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(), method)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await SendAsync(http, request, method, ct);
        ThrowIfFailed(response, method);
        JsonElement root;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed(method);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok))
        {
            throw Malformed(method);
        }

        if (ok.ValueKind != JsonValueKind.True)
        {
            throw new SlackApiException(method, Str(root, "error") ?? "unknown_error");
        }

        return root;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string method, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException ex)
            {
                var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
                throw new SlackApiException(method, "transport_error", mayHaveBeenProcessed: !neverSent, ex);
            }
            catch (Exception ex) when (ex is Polly.Timeout.TimeoutRejectedException or TimeoutException
                                       || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                throw new SlackApiException(method, "request_timeout", mayHaveBeenProcessed: true, ex);
            }
        }
    }

    private static void ThrowIfFailed(HttpResponseMessage response, string method)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(method, "ratelimited", RetryAfterOf(response) ?? TimeSpan.FromSeconds(1));
        }

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            throw new SlackApiException(method, "http_5xx", RetryAfterOf(response));
        }

        if ((int)response.StatusCode >= 500)
        {
            // A gateway's 502 or 504, or a 500, may come after Slack did the work.
            throw new SlackApiException(method, "http_5xx", mayHaveBeenProcessed: true);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        _ when response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), out var seconds) && seconds >= 0 => TimeSpan.FromSeconds(seconds),
        _ => null,
    };

    private Uri BaseUri()
    {
        var root = options.Value.ApiBaseUrl;
        return new Uri(root.EndsWith('/') ? root : root + "/", UriKind.Absolute);
    }

    private static JsonObject Copy(JsonObject json) => (JsonObject)json.DeepClone();

    private static string ViewId(JsonElement result) =>
        result.TryGetProperty("view", out var view) ? Str(view, "id") ?? "" : "";

    private static SlackApiException Malformed(string method) => new(method, "invalid_response");

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
