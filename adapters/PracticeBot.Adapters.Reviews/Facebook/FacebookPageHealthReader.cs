using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Http;
using PracticeBot.Core.CheckIns.PageHealth;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Adapters.Reviews.Facebook;

/// <summary>
/// A page's week for the digest, from the Graph API with the page token: <c>GET /{page-id}?fields=followers_count</c>,
/// and <c>GET /{page-id}/posts?since=&amp;until=&amp;fields=created_time,comments.limit(0).summary(true),reactions.limit(0).summary(true)</c>
/// (followed page by page). A permission error (codes 10 and 200–299) names the permission to grant.
/// </summary>
public sealed partial class FacebookPageHealthReader(HttpClient http, IOptions<FacebookSourceOptions> options) : IPageHealthReader
{
    public const string DefaultPermission = "pages_read_engagement";
    private const int MaxPages = 10;

    public async Task<PageHealthReading> ReadAsync(ConnectedAccount page, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var version = options.Value.ApiVersion;
        var id = Uri.EscapeDataString(page.Location);
        try
        {
            var (info, infoFailure) = await GetAsync<PageFields>($"{version}/{id}?fields=followers_count", page, cancellationToken);
            if (infoFailure is not null)
            {
                return infoFailure;
            }

            int posts = 0, comments = 0, reactions = 0;
            var url = $"{version}/{id}/posts?since={from.ToUnixTimeSeconds()}&until={to.ToUnixTimeSeconds()}&limit=100" +
                      "&fields=created_time,comments.limit(0).summary(true),reactions.limit(0).summary(true)";
            for (var number = 0; number < MaxPages && url is not null; number++)
            {
                var (body, failure) = await GetAsync<PostsPage>(url, page, cancellationToken);
                if (failure is not null)
                {
                    return failure;
                }

                foreach (var post in body!.Data ?? [])
                {
                    posts++;
                    comments += post.Comments?.Summary?.TotalCount ?? 0;
                    reactions += post.Reactions?.Summary?.TotalCount ?? 0;
                }

                url = body.Paging?.Next is not null && body.Paging.Cursors?.After is { } after
                    ? $"{version}/{id}/posts?since={from.ToUnixTimeSeconds()}&until={to.ToUnixTimeSeconds()}&limit=100&after={Uri.EscapeDataString(after)}" +
                      "&fields=created_time,comments.limit(0).summary(true),reactions.limit(0).summary(true)"
                    : null;
            }

            return new PageHealthReading(info!.FollowersCount, posts, comments, reactions);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpFailures.Describe(ex, "Facebook") is { } reason)
        {
            return PageHealthReading.Failed(reason);
        }
    }

    private async Task<(T? Body, PageHealthReading? Failure)> GetAsync<T>(string url, ConnectedAccount page, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", page.Secret);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var (error, _) = await SourceResponses.ReadAsync<ErrorAnswer>(response, "Facebook", ct);
            return error?.Error switch
            {
                { Code: 10 or (>= 200 and <= 299) } e => (null, PageHealthReading.Missing(Permission(e.Message))),
                { Code: 190 } => (null, PageHealthReading.Failed("Facebook says the page token is no longer valid: reconnect with `practice connect facebook`")),
                { Code: { } code } => (null, PageHealthReading.Failed($"Facebook answered {SourceResponses.Describe(response.StatusCode)}, error {code}")),
                _ => (null, PageHealthReading.Failed($"Facebook answered {SourceResponses.Describe(response.StatusCode)}")),
            };
        }

        var (body, problem) = await SourceResponses.ReadAsync<T>(response, "Facebook", ct);
        return body is null ? (null, PageHealthReading.Failed(problem!)) : (body, null);
    }

    /// <summary>The permission named in Facebook's message ("requires the 'pages_read_engagement' permission"), else the usual one.</summary>
    private static string Permission(string? message) =>
        message is not null && PermissionName().Match(message) is { Success: true } m ? m.Groups[1].Value : DefaultPermission;

    [GeneratedRegex(@"\b((?:pages|read|business)_[a-z_]+)\b")]
    private static partial Regex PermissionName();

    private sealed record PageFields([property: JsonPropertyName("followers_count")] int? FollowersCount);

    private sealed record PostsPage(List<Post>? Data, FacebookPaging? Paging);

    private sealed record Post(Edge? Comments, Edge? Reactions);

    private sealed record Edge(EdgeSummary? Summary);

    private sealed record EdgeSummary([property: JsonPropertyName("total_count")] int? TotalCount);

    private sealed record ErrorAnswer(ErrorBody? Error);

    private sealed record ErrorBody(string? Message, int? Code);
}
