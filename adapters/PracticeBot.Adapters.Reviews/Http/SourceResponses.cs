using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PracticeBot.Adapters.Reviews.Http;

/// <summary>Reading a source's answer without ever throwing on what a remote server may send.</summary>
internal static class SourceResponses
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>, or a reason it could not be read (never the body itself: it may hold reviews).</summary>
    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpResponseMessage response, string sourceName, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return value is null ? (null, $"{sourceName} sent an empty response") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"{sourceName} sent a response that is not the JSON its API documents ({Where(ex)})");
        }
        catch (NotSupportedException)
        {
            return (null, $"{sourceName} sent a response that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})");
        }
    }

    public static string Describe(HttpStatusCode status) => $"{(int)status} {status}";

    private static string Where(JsonException ex) => ex.Path is { Length: > 0 } path ? $"at {path}" : "unreadable";
}
