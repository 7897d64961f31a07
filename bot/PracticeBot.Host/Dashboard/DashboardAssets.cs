namespace PracticeBot.Host.Dashboard;

/// <summary>The dashboard's one stylesheet, embedded in the host (no CDN, no front-end build), cached by version.</summary>
public static class DashboardAssets
{
    public const string StylesheetPath = "/dashboard/assets/dashboard.css";

    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("PracticeBot.Host.Dashboard.Assets.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard's stylesheet is not embedded in the host.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Stylesheet(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Css.Value, "text/css; charset=utf-8");
    }
}
