using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Hosting;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Dashboard.Pages;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// The manager's dashboard under <c>/dashboard</c>: server-rendered Razor components, read-only except the export.
/// This file: the wiring, the start page and signing in and out; the practice pages are in <see cref="DashboardPagesApi"/>.
/// </summary>
public static class DashboardApi
{
    /// <summary>
    /// No script and no inline style anywhere: the charts are SVG drawn on the server, the one stylesheet ships with
    /// the app. No referrer either, so the sign-in link's token never travels to another site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var baseUrl = builder.Configuration[PublicLinks.SettingName];
        builder.Services.AddSingleton<IPublicLinks>(new PublicLinks(baseUrl));
        builder.Services.AddOptions<DashboardPublicUrl>()
            .Configure(o => o.Value = baseUrl)
            .Validate(o => PublicLinks.Problem(o.Value) is null, PublicLinks.Problem(baseUrl) ?? "")
            .ValidateOnStart();
        builder.Services.AddRazorComponents();
        var auth = builder.Services.AddAuthentication().AddCookie(DashboardSession.Scheme);
        DashboardProviders.Add(builder, auth);
        builder.Services.AddOptions<CookieAuthenticationOptions>(DashboardSession.Scheme).Configure<TimeProvider>(DashboardSession.Configure);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "practicebot.dashboard.form";
            o.Cookie.Path = "/dashboard";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__form";
        });
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var group = app.MapGroup("/dashboard").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            return await next(context);
        });
        group.MapGet("/", Start);
        group.MapGet("/signin/{token}", SignInForm);
        group.MapPost("/signin/{token}", SignIn).DisableAntiforgery();
        group.MapPost("/signout", SignOut).DisableAntiforgery();
        DashboardProviderSignIn.Map(group);
        group.MapGet("/assets/dashboard.css", DashboardAssets.Stylesheet);
        DashboardPagesApi.Map(group);
        return app;
    }

    /// <summary><c>GET /dashboard</c>: how to sign in, or the practices to pick from (straight to the one, if one).</summary>
    public static async Task<IResult> Start(HttpContext http, DashboardViewers viewers, DashboardProviders providers, CancellationToken ct)
    {
        if (await DashboardSession.WhoAsync(http) is not { } who)
        {
            if (providers.Configured.Count == 0)
            {
                return DashboardGate.Message(http, StatusCodes.Status200OK, "Sign in from chat",
                    "Type `practice dashboard` in chat: the bot answers you privately with a sign-in link that works once, for 10 minutes.");
            }

            return DashboardGate.Render<SignInChoicePage>(StatusCodes.Status200OK, new()
            {
                [nameof(SignInChoicePage.Shell)] = new DashboardShell("Sign in", null, "",
                    http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http), null),
                [nameof(SignInChoicePage.Providers)] = providers.Configured,
            });
        }

        var practices = await viewers.PracticesOfAsync(who.Platform, who.UserId, ct);
        if (practices.Count == 1)
        {
            return Results.Redirect($"/dashboard/p/{DashboardSession.Id(practices[0].Id)}");
        }

        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return DashboardGate.Render<PickPracticePage>(StatusCodes.Status200OK, new()
        {
            [nameof(PickPracticePage.Shell)] = new DashboardShell("Pick a practice", null, "", tokens, who.Name),
            [nameof(PickPracticePage.Practices)] = practices,
        });
    }

    /// <summary>
    /// <c>GET /dashboard/signin/{token}</c>: a button, not the sign-in itself. Link previews and mail scanners open links
    /// they see; only a person's click (a POST) uses the link up.
    /// </summary>
    public static IResult SignInForm(HttpContext http, string token)
    {
        if (!DashboardTokens.LooksValid(token))
        {
            return DashboardGate.Message(http, StatusCodes.Status404NotFound, "Not a sign-in link",
                "This is not a sign-in link the bot made. Type `practice dashboard` in chat for a new one.");
        }

        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return DashboardGate.Render<SignInPage>(StatusCodes.Status200OK, new()
        {
            [nameof(SignInPage.Shell)] = new DashboardShell("Sign in", null, "", tokens, null),
            [nameof(SignInPage.Action)] = DashboardTokens.SignInPath(token),
        });
    }

    /// <summary><c>POST /dashboard/signin/{token}</c>: uses the link up and starts an 8-hour session.</summary>
    public static async Task<IResult> SignIn(
        HttpContext http, string token, IAntiforgery antiforgery, DashboardSignIns signIns, PracticeBotDb db, TimeProvider time, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return DashboardGate.Message(http, StatusCodes.Status400BadRequest, "Please try again",
                "The sign-in form had expired or did not come from this page. Open the link from chat again and press Sign in.");
        }

        if (await signIns.RedeemAsync(token, ct) is not { } person)
        {
            return DashboardGate.Message(http, StatusCodes.Status400BadRequest, "This link no longer works",
                "A sign-in link works once, for 10 minutes. Type `practice dashboard` in chat for a new one.");
        }

        var now = time.GetUtcNow();
        await DashboardSession.SignInAsync(http, person, now);
        db.PracticeScope = person.PracticeId;
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = person.PracticeId,
            At = now,
            Actor = $"{person.Platform}:{person.UserId}",
            ActorName = person.Name,
            Action = "dashboard.signed-in",
            Origin = "dashboard",
        });
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"/dashboard/p/{DashboardSession.Id(person.PracticeId)}");
    }

    /// <summary><c>POST /dashboard/signout</c>.</summary>
    public static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return DashboardGate.Message(http, StatusCodes.Status400BadRequest, "Please try again", "The form had expired. Reload the page and sign out again.");
        }

        await http.SignOutAsync(DashboardSession.Scheme);
        return Results.Redirect("/dashboard");
    }
}

/// <summary>The <c>PublicBaseUrl</c> setting, held so it is validated when the host starts.</summary>
public sealed class DashboardPublicUrl
{
    public string? Value { get; set; }
}
