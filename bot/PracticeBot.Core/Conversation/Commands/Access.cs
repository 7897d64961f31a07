using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>Who may run a command. A manager may run every command a member may.</summary>
/// <param name="AnyOf">Roles of which the member needs one; <see cref="Role.None"/> means any member of the practice.</param>
/// <param name="AllowUnbound">True for commands that work before the workspace is set up (help, practice setup).</param>
public sealed record Access(Role AnyOf, bool AllowUnbound = false)
{
    public static readonly Access Anyone = new(Role.None, AllowUnbound: true);
    public static readonly Access Members = new(Role.None);
    public static readonly Access Managers = new(Role.Manager);

    public static Access Roles(Role anyOf) => new(anyOf);

    public bool Allows(Member? member)
    {
        if (AllowUnbound && AnyOf == Role.None)
        {
            return true;
        }

        if (member is null)
        {
            return false;
        }

        return AnyOf == Role.None || member.Has(AnyOf);
    }

    public string Describe() => AnyOf switch
    {
        Role.None => AllowUnbound ? "anyone" : "members of the practice",
        _ => string.Join(" or ", RoleNames.All.Where(r => (AnyOf | Role.Manager).HasFlag(r.Role)).Select(r => r.Name.EndsWith('s') ? r.Name : r.Name + "s")),
    };
}
