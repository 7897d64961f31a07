namespace PracticeBot.Core.Reviews;

/// <summary>The response-time reminders, each sent at most once per review.</summary>
public enum SlaReminder
{
    /// <summary>An urgent review nobody claimed within two hours: the responders are pinged.</summary>
    UnclaimedUrgent,
    /// <summary>A claimed review unanswered at 75% of its target: its owner is reminded.</summary>
    OwnerDueSoon,
    /// <summary>The target passed without an answer: the managers are told.</summary>
    TargetBreached,
}
