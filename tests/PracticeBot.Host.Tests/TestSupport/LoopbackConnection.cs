using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// The in-memory test server gives a request no remote address, which local mode refuses (it cannot be shown to come
/// from this machine). This gives every request the loopback address a local client's request has over Kestrel.
/// </summary>
public sealed class LoopbackConnection : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return following(http);
        });
        next(app);
    };
}
