using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Slack.Storage;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Slack.Tests.Install;

/// <summary>
/// Which bot token an outbound call uses with several workspaces installed: the conversation's own workspace's, or its
/// organisation's org-wide install; never <c>Slack:BotToken</c> nor another workspace's; none once revoked.
/// </summary>
public sealed class SlackTokenLookupTests
{
    private static readonly (string, string?)[] MultiWorkspace = [("Slack:ClientId", "123.456"), ("Slack:ClientSecret", "client-secret")];

    [Fact]
    public async Task Send_WorkspaceWithoutInstallInMultiWorkspaceMode_DeadLettersInsteadOfUsingTheDeploymentToken()
    {
        await using var env = await SlackEnvironment.StartAsync(MultiWorkspace);
        await env.Host.SetUpPracticeAsync();
        await SaveAsync(env, new SlackOAuthAccess("xoxb-other-workspace", "chat:write", "U0OTHERBOT", "T0OTHER", "Other", null, false, "U1"));

        var id = await env.EnqueueAsync(OutboundMessage.Plain("A new review arrived."));

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Dead, "the row to be dead-lettered");
        Assert.Equal("no_bot_token", (await env.OutboxRowAsync(id)).LastError);
        Assert.DoesNotContain(env.Slack.CallsTo("chat.postMessage"), c => c.Get("text") == "A new review arrived.");
        Assert.DoesNotContain(env.Slack.Calls, c => c.Authorization.Contains(SlackTestData.BotToken, StringComparison.Ordinal)
            || c.Authorization.Contains("xoxb-other-workspace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_WorkspaceOfAnOrganisationWithAnOrgWideInstall_UsesTheOrganisationsToken()
    {
        await using var env = await SlackEnvironment.StartAsync(MultiWorkspace);
        await env.Host.SetUpPracticeAsync();
        await SaveAsync(env, new SlackOAuthAccess("xoxb-org-wide", "chat:write", SlackTestData.BotUserId, null, null, "E0ORG0001", true, "U1"));
        var channel = SlackEnvironment.Channel with { EnterpriseId = "E0ORG0001" };

        var id = await env.EnqueueAsync(OutboundMessage.Plain("Org-wide hello"), MessageTarget.Channel(channel));

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be sent");
        Assert.Equal("Bearer xoxb-org-wide", env.Slack.CallsTo("chat.postMessage").Single(c => c.Get("text") == "Org-wide hello").Authorization);
    }

    [Fact]
    public async Task SlashCommand_FromAnOrganisationWithAnOrgWideInstall_CarriesTheEnterpriseToItsReplies()
    {
        await using var env = await SlackEnvironment.StartAsync(MultiWorkspace);
        await SaveAsync(env, new SlackOAuthAccess("xoxb-org-wide", "chat:write", SlackTestData.BotUserId, null, null, "E0ORG0001", true, "U1"));
        var form = SlackPayloads.SlashCommand("/practice", "setup \"Sunrise Family Medicine\" America/Chicago", SlackTestData.ManagerId, env.Slack.ResponseUrl("setup"))
            + "&enterprise_id=E0ORG0001";
        using var response = await env.Host.PostSignedAsync(form, "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => await env.Host.WithDbAsync(db => db.Practices.AnyAsync()), "the practice to be set up");

        var channel = await env.Host.WithDbAsync(db => db.Practices.Select(p => p.Channel).SingleAsync());

        Assert.Equal("E0ORG0001", channel!.EnterpriseId);
        Assert.Equal("xoxb-org-wide", await env.Host.Services.GetRequiredService<SlackTokenStore>().GetBotTokenAsync(channel.WorkspaceId, channel.EnterpriseId, CancellationToken.None));
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task RevocationEvent_ForAnInstalledWorkspace_DeletesAndEvictsItsToken(string eventType)
    {
        await using var env = await SlackEnvironment.StartAsync(MultiWorkspace);
        await env.Host.SetUpPracticeAsync();
        await SaveAsync(env, new SlackOAuthAccess("xoxb-team-token", "chat:write", SlackTestData.BotUserId, SlackTestData.TeamId, "Test", null, false, "U1"));
        var store = env.Host.Services.GetRequiredService<SlackTokenStore>();
        Assert.Equal("xoxb-team-token", await store.GetBotTokenAsync(SlackTestData.TeamId, CancellationToken.None)); // now cached
        var inner = new JsonObject { ["type"] = eventType };
        if (eventType == "tokens_revoked")
        {
            inner["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray(SlackTestData.BotUserId) };
        }

        using var response = await env.Host.PostSignedAsync(SlackPayloads.EventCallback("Ev-revoke-" + eventType, inner), "application/json");
        response.EnsureSuccessStatusCode();

        // Events are acknowledged once they are in the inbox and handled from there, so the install goes shortly after.
        await Eventually.TrueAsync(
            async () => !await env.Host.WithDbAsync(db => db.WorkspaceInstallations.AnyAsync(i => i.WorkspaceId == SlackTestData.TeamId)),
            "the install to be deleted");
        Assert.Null(await store.GetBotTokenAsync(SlackTestData.TeamId, CancellationToken.None));
        var id = await env.EnqueueAsync(OutboundMessage.Plain("After uninstall"));
        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Dead, "the row to be dead-lettered");
        Assert.DoesNotContain(env.Slack.CallsTo("chat.postMessage"), c => c.Get("text") == "After uninstall");
    }

    [Fact]
    public async Task TokensRevoked_OnlyUserTokens_KeepsTheBotsInstall()
    {
        await using var env = await SlackEnvironment.StartAsync(MultiWorkspace);
        await SaveAsync(env, new SlackOAuthAccess("xoxb-team-token", "chat:write", SlackTestData.BotUserId, SlackTestData.TeamId, "Test", null, false, "U1"));
        var inner = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0SOMEONE1") } };

        using var response = await env.Host.PostSignedAsync(SlackPayloads.EventCallback("Ev-revoke-user", inner), "application/json");
        response.EnsureSuccessStatusCode();

        Assert.Equal("xoxb-team-token", await env.Host.Services.GetRequiredService<SlackTokenStore>().GetBotTokenAsync(SlackTestData.TeamId, CancellationToken.None));
    }

    [Fact]
    public async Task GetBotToken_SingleWorkspaceMode_FallsBackToTheConfiguredToken()
    {
        await using var env = await SlackEnvironment.StartAsync();

        var token = await env.Host.Services.GetRequiredService<SlackTokenStore>().GetBotTokenAsync("T0ANYTEAM", CancellationToken.None);

        Assert.Equal(SlackTestData.BotToken, token);
    }

    private static Task SaveAsync(SlackEnvironment env, SlackOAuthAccess access) =>
        env.Host.Services.GetRequiredService<SlackTokenStore>().SaveAsync(access, DateTimeOffset.UtcNow, CancellationToken.None);
}
