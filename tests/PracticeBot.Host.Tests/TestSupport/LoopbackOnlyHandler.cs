namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// The primary handler of every HttpClient of a test host: requests to loopback go out, anything else fails as an
/// unreachable host would. Hostile payloads carry URLs (response_url, serviceUrl) that must never leave the machine.
/// </summary>
public sealed class LoopbackOnlyHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { IsLoopback: true }
            ? base.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"Test hosts only reach loopback, not {request.RequestUri?.Host}.");
}
