using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Audit;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Storage;

public partial class PracticeBotDb
{
    private void ConfigurePractices(ModelBuilder model)
    {
        model.Entity<Practice>(e =>
        {
            e.ToTable("practices");
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Slug).HasMaxLength(100);
            e.HasIndex(p => p.Slug).IsUnique();
            e.Property(p => p.TimeZone).HasMaxLength(64);
            e.Property(p => p.Channel).HasConversion(JsonColumn.Converter<Conversation.ConversationReference>()!);
            e.Property(p => p.Settings).HasConversion(JsonColumn.Converter<PracticeSettings>(), JsonColumn.Comparer<PracticeSettings>());
            e.HasQueryFilter(p => PracticeScope == null || p.Id == PracticeScope);
        });

        model.Entity<WorkspaceBinding>(e =>
        {
            e.ToTable("workspace_bindings");
            e.Property(b => b.Platform).HasMaxLength(16);
            e.Property(b => b.WorkspaceId).HasMaxLength(64);
            e.Property(b => b.TeamId).HasMaxLength(200);
            // One workspace (or Teams team) is bound to exactly one practice.
            e.HasIndex(b => new { b.Platform, b.WorkspaceId, b.TeamId }).IsUnique();
            e.HasOne<Practice>().WithMany().HasForeignKey(b => b.PracticeId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.Property(m => m.Platform).HasMaxLength(16);
            e.Property(m => m.UserId).HasMaxLength(200);
            e.Property(m => m.DisplayName).HasMaxLength(200);
            e.Property(m => m.AadObjectId).HasMaxLength(64);
            e.HasIndex(m => new { m.Platform, m.AadObjectId });
            e.Property(m => m.Roles).HasConversion<int>();
            e.HasIndex(m => new { m.PracticeId, m.Platform, m.UserId }).IsUnique();
            e.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(m => PracticeScope == null || m.PracticeId == PracticeScope);
        });
    }

    private void ConfigureReviews(ModelBuilder model)
    {
        model.Entity<Review>(e =>
        {
            e.ToTable("reviews");
            e.Property(r => r.Source).HasMaxLength(32);
            e.Property(r => r.ExternalId).HasMaxLength(200);
            e.Property(r => r.Recommendation).HasMaxLength(16);
            e.Property(r => r.Author).HasMaxLength(200);
            e.Property(r => r.Url).HasMaxLength(2000);
            e.Property(r => r.Location).HasMaxLength(200);
            e.Property(r => r.SourceLocation).HasMaxLength(300);
            e.Property(r => r.Category).HasMaxLength(64);
            e.Property(r => r.Categories).HasConversion(JsonColumn.ListOrEmpty(), JsonColumn.Comparer<List<string>>());
            e.HasIndex(r => new { r.PracticeId, r.Number }).IsUnique();
            // A source's review is stored once per practice, however often it is polled or pushed.
            e.HasIndex(r => new { r.PracticeId, r.Source, r.ExternalId }).IsUnique();
            e.HasIndex(r => new { r.PracticeId, r.Status });
            e.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.ClaimedByMemberId).OnDelete(DeleteBehavior.SetNull);
            e.HasQueryFilter(r => PracticeScope == null || r.PracticeId == PracticeScope);
        });

        model.Entity<SourceSync>(e =>
        {
            e.ToTable("source_syncs");
            e.Property(s => s.Source).HasMaxLength(32);
            e.Property(s => s.Cursor).HasMaxLength(2000);
            e.Property(s => s.LastError).HasMaxLength(500);
            e.HasIndex(s => new { s.PracticeId, s.Source }).IsUnique();
            e.HasOne<Practice>().WithMany().HasForeignKey(s => s.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(s => PracticeScope == null || s.PracticeId == PracticeScope);
        });

        model.Entity<ReviewReply>(e =>
        {
            e.ToTable("review_replies");
            e.Property(r => r.Version).HasMaxLength(32);
            e.Property(r => r.ApprovedVersion).HasMaxLength(32);
            e.HasIndex(r => new { r.PracticeId, r.ReviewId });
            e.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(r => PracticeScope == null || r.PracticeId == PracticeScope);
        });
    }

    private void ConfigurePosting(ModelBuilder model)
    {
        model.Entity<PostingPlan>(e =>
        {
            e.ToTable("posting_plans");
            e.HasIndex(p => p.PracticeId).IsUnique();
            e.Property(p => p.Networks).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
            e.Property(p => p.Weekdays).HasConversion(JsonColumn.Converter<List<DayOfWeek>>(), JsonColumn.Comparer<List<DayOfWeek>>());
            e.Property(p => p.ProtectedCalendarToken).HasMaxLength(1000);
            e.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(p => PracticeScope == null || p.PracticeId == PracticeScope);
        });

        model.Entity<PostingSlot>(e =>
        {
            e.ToTable("posting_slots");
            e.Property(s => s.Network).HasMaxLength(32);
            e.Property(s => s.PostUrl).HasMaxLength(2000);
            e.Property(s => s.IdeaKey).HasMaxLength(64);
            e.Property(s => s.SkippedBy).HasConversion(JsonColumn.Converter<List<long>>(), JsonColumn.Comparer<List<long>>());
            // One row per slot of a day: a rotation that runs twice cannot make the week twice.
            e.HasIndex(s => new { s.PracticeId, s.Date, s.Sequence }).IsUnique();
            e.HasIndex(s => new { s.PracticeId, s.AssigneeMemberId, s.Status });
            e.HasOne<PostingPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(s => s.AssigneeMemberId).OnDelete(DeleteBehavior.SetNull);
            e.HasQueryFilter(s => PracticeScope == null || s.PracticeId == PracticeScope);
        });

        model.Entity<PostingAway>(e =>
        {
            e.ToTable("posting_away");
            e.HasIndex(a => new { a.PracticeId, a.MemberId });
            e.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(a => PracticeScope == null || a.PracticeId == PracticeScope);
        });

        model.Entity<PostingSwap>(e =>
        {
            e.ToTable("posting_swaps");
            e.HasIndex(w => new { w.PracticeId, w.SlotId, w.Status });
            e.HasOne<PostingSlot>().WithMany().HasForeignKey(w => w.SlotId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(w => w.FromMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(w => w.ToMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(w => PracticeScope == null || w.PracticeId == PracticeScope);
        });

        model.Entity<Nudge>(e =>
        {
            e.ToTable("nudges");
            e.Property(n => n.Kind).HasMaxLength(64);
            e.Property(n => n.Subject).HasMaxLength(200);
            // Unique: a check-in week or a ladder rung is recorded once, even when two instances race to send it.
            e.HasIndex(n => new { n.PracticeId, n.Kind, n.Subject }).IsUnique();
            e.HasOne<Practice>().WithMany().HasForeignKey(n => n.PracticeId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(n => PracticeScope == null || n.PracticeId == PracticeScope);
        });
    }

    private void ConfigureAuditAndOutbox(ModelBuilder model)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.Actor).HasMaxLength(250);
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(250);
            e.Property(a => a.Detail).HasMaxLength(500);
            e.Property(a => a.Origin).HasMaxLength(500);
            e.Property(a => a.CorrelationId).HasMaxLength(64);
            e.HasIndex(a => new { a.PracticeId, a.At });
            e.HasQueryFilter(a => PracticeScope == null || a.PracticeId == PracticeScope);
        });

        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.Property(o => o.Platform).HasMaxLength(16);
            e.Property(o => o.Target).HasConversion(JsonColumn.Converter<Conversation.Messages.MessageTarget>());
            e.Property(o => o.Message).HasConversion(JsonColumn.Converter<Conversation.Messages.OutboundMessage>());
            e.Property(o => o.CardKey).HasMaxLength(200);
            e.Property(o => o.ConversationKey).HasMaxLength(OutboxConversation.MaxKeyLength);
            e.Property(o => o.LeaseOwner).HasMaxLength(100);
            e.Property(o => o.PlatformChannelId).HasMaxLength(200);
            e.Property(o => o.PlatformMessageId).HasMaxLength(200);
            e.Property(o => o.LastError).HasMaxLength(1000);
            e.Property(o => o.TraceParent).HasMaxLength(64);
            e.HasIndex(o => new { o.Status, o.NextAttemptAt });
            e.HasIndex(o => new { o.PracticeId, o.CardKey });
            // "Is an earlier row of this conversation still pending?" is one seek, however many rows are queued.
            e.HasIndex(o => new { o.ConversationKey, o.Status, o.Id });
            // The outbox is drained by system workers across practices: it carries no query filter.
        });
    }

    private static void ConfigureInbound(ModelBuilder model)
    {
        model.Entity<InboundEvent>(e =>
        {
            e.ToTable("inbound_events");
            e.Property(i => i.Platform).HasMaxLength(16);
            e.Property(i => i.EventId).HasMaxLength(200);
            // A platform's retry of an event inserts the same key: the second insert fails, so it is handled once.
            e.HasIndex(i => new { i.Platform, i.EventId }).IsUnique();
            e.HasIndex(i => i.ReceivedAt);
        });

        model.Entity<Inbox.InboxMessage>(e =>
        {
            e.ToTable("inbox");
            e.Property(m => m.Platform).HasMaxLength(16);
            e.Property(m => m.DedupKey).HasMaxLength(200);
            e.Property(m => m.LeaseOwner).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.HasIndex(m => new { m.Platform, m.DedupKey }).IsUnique();
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.CreatedAt);
            // The turn marks its row done only while its worker still holds it: a worker whose lease ran out and was
            // taken over fails that save, and the turn rolls back instead of being committed twice.
            e.Property(m => m.LeaseOwner).IsConcurrencyToken();
            // Drained by system workers across practices: no query filter.
        });

        model.Entity<ProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
