namespace PracticeBot.Core.Conversation.Commands;

/// <summary>Either a command to run or a friendly explanation of what was wrong with it.</summary>
public sealed record CommandParseResult(CommandInvocation? Command, string? Error, string Usage)
{
    public bool Succeeded => Command is not null;

    public static CommandParseResult Ok(CommandInvocation command) => new(command, null, $"`{command.Spec.Syntax}`");

    public static CommandParseResult Fail(string error, string usage) => new(null, error, usage);

    /// <summary>The reply for a failed parse: what was wrong, then how to say it.</summary>
    public string Explain() => Error is null ? Usage : $"{Error}\nUsage:\n{Usage}";
}
