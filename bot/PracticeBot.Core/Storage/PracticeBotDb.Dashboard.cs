using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Storage;

public partial class PracticeBotDb
{
    private void ConfigureDashboard(ModelBuilder model)
    {
        model.Entity<DashboardSignIn>(e =>
        {
            e.ToTable("dashboard_sign_ins");
            e.Property(s => s.TokenHash).HasMaxLength(64);
            e.HasIndex(s => s.TokenHash).IsUnique();
            e.HasIndex(s => s.ExpiresAt);
            e.HasOne<Practice>().WithMany().HasForeignKey(s => s.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(s => PracticeScope == null || s.PracticeId == PracticeScope);
        });
    }
}
