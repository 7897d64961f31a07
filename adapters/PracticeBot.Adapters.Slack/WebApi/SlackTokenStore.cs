using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Slack.Storage;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// The bot token for a conversation's workspace: the one its own OAuth install stored (encrypted with Data Protection),
/// else the org-wide install of its Enterprise Grid organisation (stored under the enterprise id). Only a
/// single-workspace deployment (no <c>Slack:ClientId</c>) falls back to <c>Slack:BotToken</c>: with several workspaces
/// that token belongs to one of them, and a workspace without an install gets no token rather than another's.
/// Decrypted tokens are kept in memory only, and forgotten when Slack says they were revoked.
/// </summary>
public sealed class SlackTokenStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<SlackOptions> options)
{
    public const string ProtectorPurpose = "PracticeBot.Slack.BotToken.v1";

    private readonly ConcurrentDictionary<string, string?> _installed = new(StringComparer.Ordinal);

    public IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    /// <summary>Whether this deployment serves one workspace with <c>Slack:BotToken</c> (no OAuth install).</summary>
    public bool IsSingleWorkspace => string.IsNullOrWhiteSpace(options.Value.ClientId);

    public Task<string?> GetBotTokenAsync(string workspaceId, CancellationToken ct) => GetBotTokenAsync(workspaceId, null, ct);

    /// <param name="teamId">The workspace (team id) of the conversation.</param>
    /// <param name="enterpriseId">Its Enterprise Grid organisation, if any: an org-wide install serves all its workspaces.</param>
    public async Task<string?> GetBotTokenAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        foreach (var id in new[] { teamId, enterpriseId })
        {
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (!_installed.TryGetValue(id, out var token))
            {
                token = await LoadAsync(id, ct);
                _installed[id] = token;
            }

            if (token is not null)
            {
                return token;
            }
        }

        return IsSingleWorkspace && !string.IsNullOrWhiteSpace(options.Value.BotToken) ? options.Value.BotToken : null;
    }

    /// <summary>
    /// Forgets the install of a workspace (or of an organisation, by its enterprise id) after Slack said its token was
    /// revoked or the app uninstalled: the stored token is deleted and evicted from memory.
    /// </summary>
    /// <returns>Whether an install was stored.</returns>
    public async Task<bool> RemoveAsync(string workspaceId, CancellationToken ct)
    {
        _installed.TryRemove(workspaceId, out _);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var removed = await db.WorkspaceInstallations.Where(i => i.Platform == Platforms.Slack && i.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        _installed[workspaceId] = null;
        return removed > 0;
    }

    /// <summary>Stores (or replaces) a workspace's install; the token is encrypted before it reaches the database.</summary>
    public async Task SaveAsync(WebApi.SlackOAuthAccess access, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var workspaceId = access.WorkspaceId;
        var row = await db.WorkspaceInstallations.SingleOrDefaultAsync(i => i.Platform == Platforms.Slack && i.WorkspaceId == workspaceId, ct);
        var protectedToken = Protector.Protect(access.BotToken);
        if (row is null)
        {
            row = new WorkspaceInstallation { Platform = Platforms.Slack, WorkspaceId = workspaceId, ProtectedBotToken = protectedToken };
            db.WorkspaceInstallations.Add(row);
        }

        row.ProtectedBotToken = protectedToken;
        row.WorkspaceName = access.TeamName;
        row.BotUserId = access.BotUserId;
        row.Scopes = access.Scope;
        row.InstalledByUserId = access.InstallerUserId;
        row.InstalledAt = now;
        await db.SaveChangesAsync(ct);
        _installed[workspaceId] = access.BotToken;
    }

    private async Task<string?> LoadAsync(string workspaceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var stored = await db.WorkspaceInstallations.AsNoTracking()
            .Where(i => i.Platform == Platforms.Slack && i.WorkspaceId == workspaceId)
            .Select(i => i.ProtectedBotToken)
            .FirstOrDefaultAsync(ct);
        return stored is null ? null : Protector.Unprotect(stored);
    }
}
