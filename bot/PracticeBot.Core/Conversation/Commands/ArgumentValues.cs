using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>A person named in a command: by platform id when the adapter resolved the mention, else by name.</summary>
public sealed record UserRef(string? Id, string? Name)
{
    public override string ToString() => Id is not null ? $"<@{Id}>" : $"@{Name}";
}

/// <summary>A posting rate; <see cref="Off"/> pauses the plan.</summary>
public sealed record PostingRate(int PerWeek)
{
    public static readonly PostingRate Off = new(0);

    public bool IsOff => PerWeek == 0;
}

/// <summary><c>practice setup</c>'s arguments: a name and, if given, a validated IANA time zone id.</summary>
public sealed record NameAndTimeZone(string? Name, string? TimeZone);

/// <summary>A role to give or, with <see cref="Remove"/>, to take away.</summary>
public sealed record RoleChange(Role Role, bool Remove);
