using Microsoft.AspNetCore.Antiforgery;
using PracticeBot.Core.Dashboard;

namespace PracticeBot.Host.Dashboard;

/// <summary>What every dashboard page's frame shows: its title, the practice and person (when signed in), the active tab.</summary>
public sealed record DashboardShell(string Title, DashboardView? View, string Active, AntiforgeryTokenSet? Tokens, string? Person)
{
    public bool SeesEverything => View?.Rights == DashboardRights.Everything;

    public string Base => View is null ? "/dashboard" : $"/dashboard/p/{DashboardSession.Id(View.Practice.Id)}";
}
