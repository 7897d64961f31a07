namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>How a SQLite test makes the store of inbound deliveries fail, as a full disk would.</summary>
public static class InboundStore
{
    /// <summary>A trigger that refuses every new inbound row; reads still work.</summary>
    public const string RefuseInsertsSql =
        "CREATE TRIGGER refuse_inbound BEFORE INSERT ON inbound_events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;";
}
