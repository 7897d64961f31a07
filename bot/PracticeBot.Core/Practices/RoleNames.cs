namespace PracticeBot.Core.Practices;

/// <summary>The words people type for roles, and how roles read back to them.</summary>
public static class RoleNames
{
    public static readonly IReadOnlyList<(string Name, Role Role)> All =
    [
        ("manager", Role.Manager),
        ("responder", Role.Responder),
        ("operations", Role.Operations),
        ("poster", Role.Poster),
    ];

    public static bool TryParse(string word, out Role role)
    {
        foreach (var (name, value) in All)
        {
            if (string.Equals(name, word, StringComparison.OrdinalIgnoreCase))
            {
                role = value;
                return true;
            }
        }

        role = Role.None;
        return false;
    }

    public static string Describe(Role roles) =>
        roles == Role.None ? "no role" : string.Join(", ", All.Where(r => roles.HasFlag(r.Role)).Select(r => r.Name));
}
