using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// The bot token for a workspace: the one its OAuth install stored (encrypted with Data Protection), else the
/// single-workspace <c>Slack:BotToken</c>. Decrypted tokens are kept in memory only.
/// </summary>
public sealed class SlackTokenStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<SlackOptions> options)
{
    public const string ProtectorPurpose = "PracticeBot.Slack.BotToken.v1";

    private readonly ConcurrentDictionary<string, string?> _installed = new(StringComparer.Ordinal);

    public IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    public async Task<string?> GetBotTokenAsync(string workspaceId, CancellationToken ct)
    {
        if (workspaceId.Length > 0)
        {
            if (!_installed.TryGetValue(workspaceId, out var token))
            {
                token = await LoadAsync(workspaceId, ct);
                _installed[workspaceId] = token;
            }

            if (token is not null)
            {
                return token;
            }
        }

        return string.IsNullOrWhiteSpace(options.Value.BotToken) ? null : options.Value.BotToken;
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
