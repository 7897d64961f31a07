namespace PracticeBot.Core.Practices;

/// <summary>What a member may do. A manager may do everything.</summary>
[Flags]
public enum Role
{
    None = 0,
    /// <summary>Configures the practice, approves replies, receives escalations.</summary>
    Manager = 1,
    /// <summary>Claims reviews and drafts replies.</summary>
    Responder = 2,
    /// <summary>Investigates what a complaint is about.</summary>
    Operations = 4,
    /// <summary>Volunteered for posting duty.</summary>
    Poster = 8,
}
