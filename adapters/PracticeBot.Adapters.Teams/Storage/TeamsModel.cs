using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Storage;

/// <summary>The Teams adapter's own table in the bot's database (listed in the host's <c>PlatformModels</c>).</summary>
public sealed class TeamsModel : IModelContributor
{
    public void Contribute(ModelBuilder model)
    {
        model.Entity<TeamsConversation>(e =>
        {
            e.ToTable("teams_conversations");
            e.Property(c => c.ConversationId).HasMaxLength(400);
            e.Property(c => c.TenantId).HasMaxLength(64);
            e.Property(c => c.WorkspaceId).HasMaxLength(64);
            e.Property(c => c.ServiceUrl).HasMaxLength(500);
            e.Property(c => c.ConversationType).HasMaxLength(32);
            e.Property(c => c.TeamId).HasMaxLength(400);
            e.Property(c => c.BotId).HasMaxLength(200);
            e.HasIndex(c => c.ConversationId).IsUnique();
            e.HasIndex(c => c.WorkspaceId);
            // Platform plumbing, not practice data: looked up by tenant before any practice is known.
        });
    }
}

/// <summary><c>db.TeamsConversations</c>, as if the table were the core's.</summary>
public static class TeamsDb
{
    extension(PracticeBotDb db)
    {
        public DbSet<TeamsConversation> TeamsConversations => db.Set<TeamsConversation>();
    }
}
