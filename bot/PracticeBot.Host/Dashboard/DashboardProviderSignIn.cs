using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// "Sign in with Slack" and "Sign in with Microsoft": a button (a form, so a link preview starts nothing) sends the
/// person to the provider; when the provider's signed id_token comes back, the person it names is looked up as chat
/// knows them and gets the same session the chat link gives. Nothing of the provider's tokens is kept.
/// </summary>
public static partial class DashboardProviderSignIn
{
    public const string NoPracticePath = "/dashboard/oidc/no-practice";
    public const string ProblemPath = "/dashboard/oidc/problem";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/oidc/{provider}", Start).DisableAntiforgery();
        group.MapGet("/oidc/no-practice", NoPractice);
        group.MapGet("/oidc/problem", Problem);
    }

    /// <summary><c>POST /dashboard/oidc/{provider}</c>: off to the provider; 404 for a provider this install has not set up.</summary>
    public static async Task<IResult> Start(HttpContext http, string provider, DashboardProviders providers, IAntiforgery antiforgery)
    {
        if (providers.Find(provider) is not { } found)
        {
            return DashboardGate.Message(http, StatusCodes.Status404NotFound, "Not found", "This install does not offer that way of signing in.");
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return DashboardGate.Message(http, StatusCodes.Status400BadRequest, "Please try again",
                "The sign-in form had expired or did not come from this page. Open the dashboard's start page and press the button again.");
        }

        return Results.Challenge(new AuthenticationProperties { RedirectUri = "/dashboard" }, [found.Scheme]);
    }

    /// <summary><c>GET /dashboard/oidc/no-practice</c>: signed in at the provider, but no practice shows them anything.</summary>
    public static IResult NoPractice(HttpContext http) =>
        DashboardGate.Message(http, StatusCodes.Status403Forbidden, "No practice to show you",
            "You signed in, but you have no role in a practice here that this bot serves in that workspace or tenant, so there "
            + "is no dashboard for you yet. Ask a manager of your practice to give you a role (`practice role @you manager`, "
            + "responder, poster or operations), or, if you have one, type `practice dashboard` in chat for a sign-in link. "
            + "In Teams, write to the bot once first so it knows your account.");

    /// <summary><c>GET /dashboard/oidc/problem</c>: the provider said no, or its answer could not be trusted.</summary>
    public static IResult Problem(HttpContext http, string? why) => why == "denied"
        ? DashboardGate.Message(http, StatusCodes.Status400BadRequest, "Sign-in cancelled",
            "The sign-in was cancelled or refused at the provider, so you are not signed in. Press the button on the start page to try again, or type `practice dashboard` in chat.")
        : DashboardGate.Message(http, StatusCodes.Status400BadRequest, "Sign-in did not complete",
            "The answer from the sign-in provider was expired, incomplete or could not be verified, so you are not signed in. "
            + "Start again from the dashboard's start page, or type `practice dashboard` in chat.");

    /// <param name="publicLinks">
    /// When <c>PublicBaseUrl</c> is set, the provider sends the person back there (the address registered with it), not
    /// to whatever host name a proxy in front of the bot passed on.
    /// </param>
    public static OpenIdConnectEvents Events(DashboardProvider provider, PublicLinks? publicLinks) => new()
    {
        OnRedirectToIdentityProvider = context =>
        {
            if (publicLinks is not null)
            {
                context.ProtocolMessage.RedirectUri = publicLinks.To(provider.CallbackPath);
            }

            return Task.CompletedTask;
        },
        OnTicketReceived = context => SignedInAsync(context, provider),
        OnAccessDenied = context =>
        {
            context.HandleResponse();
            context.Response.Redirect(ProblemPath + "?why=denied");
            return Task.CompletedTask;
        },
        OnRemoteFailure = context =>
        {
            context.HandleResponse();
            var failure = context.Failure;
            var denied = failure?.Message.Contains("access_denied", StringComparison.Ordinal) == true;
            var kind = failure?.GetType().Name ?? "unknown";
            var logger = Logger(context.HttpContext);
            Log.Refused(logger, provider.Key, kind, failure?.Message ?? "");
            context.Response.Redirect(ProblemPath + (denied ? "?why=denied" : "?why=failed"));
            return Task.CompletedTask;
        },
    };

    /// <summary>The id_token was valid: find the person in chat, start the dashboard session, audit it.</summary>
    private static async Task SignedInAsync(TicketReceivedContext context, DashboardProvider provider)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var services = http.RequestServices;
        var ct = http.RequestAborted;
        var account = provider.AccountOf(context.Principal);
        var found = account is null ? null : await services.GetRequiredService<DashboardAccounts>().FindAsync(account, ct);
        if (found is null)
        {
            var logger = Logger(http);
            Log.NoPractice(logger, provider.Key);
            http.Response.Redirect(NoPracticePath);
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await DashboardSession.SignInAsync(http, new DashboardPerson(found.Platform, found.UserId, found.Name, found.PracticeIds[0]), now);
        var db = services.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        foreach (var practiceId in found.PracticeIds)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                PracticeId = practiceId,
                At = now,
                Actor = $"{found.Platform}:{found.UserId}",
                ActorName = found.Name,
                Action = "dashboard.signed-in",
                Detail = $"via {provider.Key}",
                Origin = "dashboard",
            });
        }

        await db.SaveChangesAsync(ct);
        http.Response.Redirect("/dashboard");
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardProviderSignIn).FullName!);

    private static partial class Log
    {
        [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Dashboard sign-in with {Provider}: the person has no practice to see")]
        public static partial void NoPractice(ILogger logger, string provider);

        [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "Dashboard sign-in with {Provider} refused ({Kind}): {Reason}")]
        public static partial void Refused(ILogger logger, string provider, string kind, string reason);
    }
}
