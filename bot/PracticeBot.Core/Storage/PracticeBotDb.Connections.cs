using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Core.Storage;

public partial class PracticeBotDb
{
    private void ConfigureSourceConnections(ModelBuilder model) =>
        model.Entity<SourceConnection>(e =>
        {
            e.ToTable("source_connections");
            e.Property(c => c.Source).HasMaxLength(32);
            e.Property(c => c.Account).HasMaxLength(200);
            e.Property(c => c.Location).HasMaxLength(300);
            e.Property(c => c.LocationLabel).HasMaxLength(200);
            e.Property(c => c.StateHash).HasMaxLength(64);
            e.Property(c => c.StatePlatform).HasMaxLength(32);
            e.Property(c => c.StateUserId).HasMaxLength(100);
            e.Property(c => c.ConnectedBy).HasMaxLength(100);
            e.Property(c => c.FollowersWeek).HasMaxLength(16);
            e.HasIndex(c => new { c.PracticeId, c.Source }).IsUnique();
            e.HasIndex(c => c.StateHash).IsUnique();
            e.HasIndex(c => new { c.Source, c.Location });
            e.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(c => PracticeScope == null || c.PracticeId == PracticeScope);
        });
}
