namespace PracticeBot.Core.Conversation.Commands;

/// <summary>The shapes a command argument can take.</summary>
public enum ParamKind
{
    /// <summary>A review number: <c>12</c> or <c>#12</c>.</summary>
    ReviewNumber,
    /// <summary>A person: <c>&lt;@U123&gt;</c>, <c>&lt;@U123|Jane&gt;</c> (as adapters normalise them) or <c>@jane</c>.</summary>
    User,
    /// <summary>A calendar date: <c>2026-12-21</c>, <c>Dec 21 2026</c>, <c>21 Dec 2026</c>.</summary>
    Date,
    /// <summary>A posting rate <c>3/week</c>, or the word <c>off</c>.</summary>
    RateOrOff,
    /// <summary>One word out of <see cref="CommandParam.Choices"/>.</summary>
    Choice,
    /// <summary>The rest of the line, as words, each out of <see cref="CommandParam.Choices"/> when it has any.</summary>
    Words,
    /// <summary>The rest of the line, verbatim.</summary>
    Text,
    /// <summary>An absolute http(s) URL.</summary>
    Url,
    /// <summary><c>practice setup</c>'s rest: a name, optionally followed by an IANA time zone.</summary>
    NameAndTimeZone,
    /// <summary>A role word, optionally prefixed with <c>-</c> to take the role away.</summary>
    RoleChange,
}
