using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Storage;

/// <summary>The Slack adapter's own table in the bot's database (listed in the host's <c>PlatformModels</c>).</summary>
public sealed class SlackModel : IModelContributor
{
    public void Contribute(ModelBuilder model)
    {
        model.Entity<WorkspaceInstallation>(e =>
        {
            e.ToTable("workspace_installations");
            e.Property(i => i.Platform).HasMaxLength(16);
            e.Property(i => i.WorkspaceId).HasMaxLength(64);
            e.Property(i => i.WorkspaceName).HasMaxLength(200);
            e.Property(i => i.BotUserId).HasMaxLength(64);
            e.Property(i => i.ProtectedBotToken).HasMaxLength(4000);
            e.Property(i => i.Scopes).HasMaxLength(1000);
            e.Property(i => i.InstalledByUserId).HasMaxLength(64);
            e.HasIndex(i => new { i.Platform, i.WorkspaceId }).IsUnique();
        });
    }
}

/// <summary><c>db.WorkspaceInstallations</c>, as if the table were the core's.</summary>
public static class SlackDb
{
    extension(PracticeBotDb db)
    {
        public DbSet<WorkspaceInstallation> WorkspaceInstallations => db.Set<WorkspaceInstallation>();
    }
}
