using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Reviews.Email.Storage;

/// <summary>The alert mailbox's table in the bot's database (listed in the host's <c>PlatformModels</c>).</summary>
public sealed class EmailModel : IModelContributor
{
    public void Contribute(ModelBuilder model)
    {
        model.Entity<EmailMessageRecord>(e =>
        {
            e.ToTable("email_messages");
            e.Property(m => m.Mailbox).HasMaxLength(400);
            e.Property(m => m.MessageId).HasMaxLength(500);
            e.Property(m => m.Sender).HasMaxLength(320);
            e.Property(m => m.Source).HasMaxLength(32);
            e.Property(m => m.Problem).HasMaxLength(500);
            // Processed once: a second instance (or a restart) that tries to record the same message fails here.
            e.HasIndex(m => new { m.Mailbox, m.UidValidity, m.Uid }).IsUnique();
            e.HasIndex(m => m.MessageId);
            e.HasIndex(m => new { m.PracticeId, m.Outcome });
            e.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

/// <summary><c>db.EmailMessages</c>, as if the table were the core's.</summary>
public static class EmailDb
{
    extension(PracticeBotDb db)
    {
        public DbSet<EmailMessageRecord> EmailMessages => db.Set<EmailMessageRecord>();
    }
}
