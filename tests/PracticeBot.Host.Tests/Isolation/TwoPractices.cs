using PracticeBot.Core.Practices;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// The two tenants of the isolation matrix. Practice A is the one whose people attack; practice B is the one whose data
/// must stay out of reach. Every name and text of B carries <see cref="BMarker"/>, so a leak is easy to spot.
/// </summary>
public static class TwoPractices
{
    public const string BMarker = "QUINCE";

    public const string AName = "Alder Street Clinic";
    public const string ASlug = "alder-street-clinic";
    public const string ASlackTeam = "T0ALDER001";
    public const string ASlackChannel = "C0ALDER001";
    public const string ATeamsTeam = "19:alder-team@thread.tacv2";
    public const string ATeamsChannel = "19:alder-general@thread.tacv2";

    public const string BName = "Birchwood QUINCE Pediatrics";
    public const string BSlug = "birchwood-quince-pediatrics";
    public const string BSlackTeam = "T0BIRCH001";
    public const string BSlackChannel = "C0BIRCH001";
    public const string BTeamsTeam = "19:birch-team@thread.tacv2";
    public const string BTeamsChannel = "19:birch-general@thread.tacv2";

    /// <summary>Both practices are in one Teams tenant, each bound to its own team: the team, not the tenant, decides.</summary>
    public const string TeamsTenant = "tenant-shared-1";

    /// <summary>A Slack workspace and a Teams team that no practice is bound to.</summary>
    public const string UnboundSlackTeam = "T0NOBODY01";
    public const string UnboundSlackChannel = "C0NOBODY01";
    public const string UnboundTeamsTeam = "19:nobody-team@thread.tacv2";
    public const string UnboundTeamsChannel = "19:nobody-general@thread.tacv2";
    public const string UnboundUser = "nobody";

    /// <summary>A guest of A's workspace with no role (the fakes call every user id holding "guest" a guest).</summary>
    public const string Guest = "guest";

    /// <summary>The people of A who attack, one per role (and one with none).</summary>
    public static readonly IReadOnlyList<(string Name, Role Roles)> ARoles =
    [
        ("manager", Role.Manager),
        ("responder", Role.Responder),
        ("operations", Role.Operations),
        ("poster", Role.Poster),
        ("member", Role.None),
    ];

    /// <summary>The people of B: whose reviews, drafts, slots and swaps the attacks aim at.</summary>
    public static readonly IReadOnlyList<(string Key, string DisplayName, Role Roles)> BPeople =
    [
        ("mgr", "Beatrice QUINCE Manager", Role.Manager),
        ("resp", "Bertrand QUINCE Responder", Role.Responder),
        ("post", "Bianca QUINCE Poster", Role.Poster),
        ("post2", "Boris QUINCE Poster", Role.Poster),
    ];

    public static string SlackUser(char practice, string key) => $"U0{char.ToUpperInvariant(practice)}{key.ToUpperInvariant()}";

    public static string TeamsUser(char practice, string key) => $"29:{practice}-{key}";

    public static string UserId(string platform, char practice, string key) =>
        platform == Core.Conversation.Platforms.Slack ? SlackUser(practice, key) : TeamsUser(practice, key);
}
