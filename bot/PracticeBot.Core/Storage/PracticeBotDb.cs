using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PracticeBot.Core.Audit;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Storage;

/// <summary>
/// The bot's state. Provider-neutral: the host derives one context per provider so each has its own migrations.
/// Rows that belong to a practice are filtered to <see cref="PracticeScope"/>, so a chat turn can never read
/// another practice's data even by mistake; scheduled work that spans practices runs unscoped.
/// </summary>
public partial class PracticeBotDb : DbContext
{
    /// <summary>A scope value that matches no practice: a chat turn from a workspace that is not set up.</summary>
    public const long NoPractice = 0;

    public PracticeBotDb(DbContextOptions<PracticeBotDb> options)
        : base(options)
    {
    }

    protected PracticeBotDb(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Begins the transaction of one unit of work, which commits whole or not at all. Every transaction the bot begins
    /// goes through here. EF Core's automatic savepoint before each <c>SaveChanges</c> inside a transaction is turned off:
    /// no caller rolls back to it and carries on (a failed save abandons the whole transaction), and on SQLite an open
    /// savepoint makes every page the save changes be copied to a statement journal first, about 30 % of the time of
    /// ingesting reviews (docs/performance.md).
    /// </summary>
    public Task<IDbContextTransaction> BeginUnitOfWorkAsync(CancellationToken cancellationToken)
    {
        Database.AutoSavepointsEnabled = false;
        return Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>The practice this unit of work may see; null means unscoped (system work only).</summary>
    public long? PracticeScope { get; set; }

    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<WorkspaceBinding> WorkspaceBindings => Set<WorkspaceBinding>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewReply> ReviewReplies => Set<ReviewReply>();
    public DbSet<SourceSync> SourceSyncs => Set<SourceSync>();
    public DbSet<Reviews.Sources.Connections.SourceConnection> SourceConnections => Set<Reviews.Sources.Connections.SourceConnection>();
    public DbSet<PostingPlan> PostingPlans => Set<PostingPlan>();
    public DbSet<PostingSlot> PostingSlots => Set<PostingSlot>();
    public DbSet<PostingAway> PostingAways => Set<PostingAway>();
    public DbSet<PostingSwap> PostingSwaps => Set<PostingSwap>();
    public DbSet<Nudge> Nudges => Set<Nudge>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<ProtectionKey> ProtectionKeys => Set<ProtectionKey>();
    public DbSet<Dashboard.DashboardSignIn> DashboardSignIns => Set<Dashboard.DashboardSignIn>();

    /// <summary>
    /// The platforms' own tables (<see cref="IModelContributor"/>), applied after the core's. A property of the context
    /// type, not of one instance: EF Core builds and caches one model per context type, and pooled contexts take no
    /// services, so each derived context names its fixed list. The core alone has none.
    /// </summary>
    protected virtual IReadOnlyList<IModelContributor> ModelContributors => [];

    /// <summary>True when the provider is SQLite, which cannot compare or order <see cref="DateTimeOffset"/> natively.</summary>
    protected bool IsSqlite => Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigurePractices(modelBuilder);
        ConfigureReviews(modelBuilder);
        ConfigurePosting(modelBuilder);
        ConfigureAuditAndOutbox(modelBuilder);
        ConfigureInbound(modelBuilder);
        ConfigureDashboard(modelBuilder);
        ConfigureSourceConnections(modelBuilder);
        foreach (var contributor in ModelContributors)
        {
            contributor.Contribute(modelBuilder);
        }
    }
}
