using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Dashboard;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// The steps of signing in with a provider, as a browser takes them: the start page's button, the redirect to the
/// provider (the fake signs <see cref="FakeOpenIdProvider.NextPerson"/> in at once), and the redirect back.
/// </summary>
public static class DashboardProviderWorld
{
    public const string Tenant = "3f1b1c2e-0000-4000-8000-00000000000a";

    public static (string, string?)[] Slack(FakeOpenIdProvider fake) =>
    [
        ("Dashboard:SignIn:Slack:ClientId", FakeOpenIdProvider.ClientId),
        ("Dashboard:SignIn:Slack:ClientSecret", FakeOpenIdProvider.ClientSecret),
        ("Dashboard:SignIn:Slack:Authority", fake.Authority),
    ];

    public static (string, string?)[] Entra(FakeOpenIdProvider fake) =>
    [
        ("Dashboard:SignIn:Entra:ClientId", FakeOpenIdProvider.ClientId),
        ("Dashboard:SignIn:Entra:ClientSecret", FakeOpenIdProvider.ClientSecret),
        ("Dashboard:SignIn:Entra:Authority", fake.Authority),
    ];

    /// <summary>An Entra-like provider: multi-tenant discovery whose issuer carries <c>{tenantid}</c>.</summary>
    public static Task<FakeOpenIdProvider> EntraProviderAsync() => FakeOpenIdProvider.StartAsync("organizations/v2.0", "{tenantid}/v2.0");

    public static IReadOnlyDictionary<string, object> SlackPerson(string team, string user, string name) => FakeOpenIdProvider.Person(
        ("https://slack.com/team_id", team), ("https://slack.com/user_id", user), ("name", name), ("sub", user));

    public static IReadOnlyDictionary<string, object> EntraPerson(string tenant, string objectId, string name) => FakeOpenIdProvider.Person(
        ("tid", tenant), ("oid", objectId), ("name", name), ("sub", "pairwise-" + objectId));

    /// <summary>Presses the provider's button on the start page and follows the provider's redirect back; returns the answer to the callback.</summary>
    public static async Task<HttpResponseMessage> SignInWithAsync(HttpClient browser, string provider)
    {
        var challenge = await PressAsync(browser, provider);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var back = await outside.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return await browser.GetAsync(new Uri(back.Headers.Location!.PathAndQuery, UriKind.Relative));
    }

    /// <summary>Presses the provider's button on the start page; returns the redirect to the provider.</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient browser, string provider)
    {
        var start = await browser.GetStringAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Contains($"action=\"/dashboard/oidc/{provider}\"", start, StringComparison.Ordinal);
        var token = DashboardWorld.FormTokenPattern().Match(start).Groups[1].Value;
        return await browser.PostAsync(new Uri($"/dashboard/oidc/{provider}", UriKind.Relative), new FormUrlEncodedContent([new("__form", token)]));
    }

    public static bool SetsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(DashboardSession.CookieName + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Binds the practice to a Teams tenant and has a Teams person write to the bot there once (so the bot learns their
    /// object id from <c>from.aadObjectId</c>), then gives them <paramref name="roles"/>.
    /// </summary>
    public static async Task TeamsMemberAsync(DashboardWorld world, long practiceId, string userId, string objectId, string name, Role roles)
    {
        await world.SeedAsync(db => db.WorkspaceBindings.Add(new WorkspaceBinding
        {
            PracticeId = practiceId, Platform = Platforms.Teams, WorkspaceId = Tenant, CreatedAt = DashboardWorld.Start,
        }));
        var channel = new ConversationReference(Platforms.Teams, Tenant, "19:general@thread.tacv2", ServiceUrl: "http://127.0.0.1:9/");
        await world.Factory.Services.GetRequiredService<BotDispatcher>()
            .DispatchAsync(new CommandReceived(channel, new ChatUser(userId, name, objectId), "help", ""));
        await using var scope = world.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var member = await db.Members.SingleAsync(m => m.Platform == Platforms.Teams && m.UserId == userId);
        Assert.Equal(objectId, member.AadObjectId);
        member.Roles = roles;
        await db.SaveChangesAsync();
    }
}
