using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using PracticeBot.Core.Dashboard;
using PracticeBot.Host.Dashboard.Pages;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// Every practice page passes here first: not signed in is a 401 page that says how to sign in; a practice the person
/// may not see (another practice, no role, no such practice) is the same 404 for each; a page beyond their role a 403.
/// </summary>
public static class DashboardGate
{
    public static async Task<(DashboardShell? Shell, IResult? Refusal)> OpenAsync(
        HttpContext http, DashboardViewers viewers, long practiceId, string page, string title, bool needsEverything, CancellationToken ct)
    {
        if (await DashboardSession.WhoAsync(http) is not { } who)
        {
            return (null, Message(http, StatusCodes.Status401Unauthorized, "Sign in from chat",
                "Type `practice dashboard` in chat: the bot answers you privately with a sign-in link that works once, for 10 minutes."));
        }

        if (await viewers.ViewAsync(who.Platform, who.UserId, practiceId, ct) is not { } view)
        {
            return (null, Message(http, StatusCodes.Status404NotFound, "Not found",
                "There is no dashboard here that you can see. Your practices are listed on the dashboard's start page.", who.Name));
        }

        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var shell = new DashboardShell(title, view, page, tokens, who.Name);
        if (needsEverything && view.Rights != DashboardRights.Everything)
        {
            return (null, Render<MessagePage>(StatusCodes.Status403Forbidden, new()
            {
                [nameof(MessagePage.Shell)] = shell with { Title = "Not for your role" },
                [nameof(MessagePage.Text)] = "This page is for managers and responders. Your role shows the overview and posting.",
            }));
        }

        return (shell, null);
    }

    public static IResult Message(HttpContext http, int status, string title, string text, string? person = null)
    {
        var tokens = person is null ? null : http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Render<MessagePage>(status, new()
        {
            [nameof(MessagePage.Shell)] = new DashboardShell(title, null, "", tokens, person),
            [nameof(MessagePage.Text)] = text,
        });
    }

    public static IResult Render<TPage>(int status, Dictionary<string, object?> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = status };
}
