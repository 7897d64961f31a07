using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Host.Reviews.Sources;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>Requests to a running host (a <see cref="HostProcess"/>), signed the way Slack and webhook senders sign them.</summary>
public static class SignedRequests
{
    /// <summary>A slash command from the manager of <see cref="SlackTestData"/>'s workspace, in its reviews channel.</summary>
    public static HttpRequestMessage SlashCommand(string hostUrl, string command, string text, string responseUrl) =>
        Slack(hostUrl, SlackPayloads.SlashCommand(command, text, SlackTestData.ManagerId, responseUrl), "application/x-www-form-urlencoded");

    /// <summary>A body POSTed to <c>/slack/events</c>, signed now with <see cref="SlackTestData.SigningSecret"/>.</summary>
    public static HttpRequestMessage Slack(string hostUrl, string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hostUrl + SlackEventsApi.Path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, new SlackSignature(SlackTestData.SigningSecret, TimeProvider.System).Sign(timestamp, bytes));
        return request;
    }

    /// <summary>Reviews (one JSON object or an array) POSTed to <c>/api/reviews/webhook</c>, signed with <paramref name="secret"/>.</summary>
    public static HttpRequestMessage Webhook(string hostUrl, string json, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hostUrl + ReviewWebhookApi.Path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(bytes, secret));
        return request;
    }
}
