using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Dashboard;

/// <summary>What a person sees of one practice on the dashboard.</summary>
public enum DashboardRights
{
    /// <summary>Nothing: a guest, a stranger, a member without a role, or another practice.</summary>
    None,
    /// <summary>The overview and posting pages: posters and operations.</summary>
    OverviewAndPosting,
    /// <summary>Every page and the export: managers and responders.</summary>
    Everything,
}

public static class DashboardRightsOf
{
    public static DashboardRights Member(Member? member) => member switch
    {
        null => DashboardRights.None,
        _ when (member.Roles & (Role.Manager | Role.Responder)) != 0 => DashboardRights.Everything,
        _ when (member.Roles & (Role.Poster | Role.Operations)) != 0 => DashboardRights.OverviewAndPosting,
        _ => DashboardRights.None,
    };
}
