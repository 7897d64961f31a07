namespace PracticeBot.Host.Tests.Isolation;

/// <summary>What an attempt must come to.</summary>
public enum Expect
{
    /// <summary>Aimed at B's ids: turned away with a reply, and the refusal audited.</summary>
    Refused,

    /// <summary>Nothing of B can be named (a plan, a volunteer): it runs on A's own data, and B stays untouched.</summary>
    OwnPractice,

    /// <summary>Names B in a way the grammar has no place for: answered with the usage, nothing runs.</summary>
    Unparsed,
}

/// <summary>
/// One thing a person of A tries: a command line (with <c>{@key}</c> standing for a mention of one of B's people) or a
/// button / form action with a value, both aimed at B's ids.
/// </summary>
/// <param name="Name">Unique, shown in the test name: the route it exercises, plus a variant in brackets.</param>
/// <param name="Route">The router's route name it reaches (<c>command:review claim</c>, <c>action:review.claim</c>).</param>
public sealed record Attempt(
    string Name,
    string Route,
    Expect Expect,
    Func<BTargets, string>? Line = null,
    string? ActionId = null,
    Func<BTargets, string>? Value = null,
    IReadOnlyDictionary<string, string>? Inputs = null)
{
    public bool IsCommand => Line is not null;

    public override string ToString() => Name;
}
