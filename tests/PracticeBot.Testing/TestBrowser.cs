namespace PracticeBot.Testing;

/// <summary>
/// The browser of the browser tests: Debian's <c>chromium</c> package (never a browser downloaded by Playwright).
/// <c>PRACTICEBOT_CHROMIUM</c> names another executable. Like <see cref="TestPostgres"/>: outside CI a missing browser
/// skips the test with the reason shown; in CI (<c>CI=true</c>) it never skips, so a missing browser fails the run.
/// </summary>
public static class TestBrowser
{
    public const string Variable = "PRACTICEBOT_CHROMIUM";

    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where the browser tests save their screenshots: <c>PRACTICEBOT_SCREENSHOTS</c>, else <c>artifacts/screenshots</c>.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("PRACTICEBOT_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => !File.Exists(ExecutablePath) && !InCi
        ? $"Browser test: install Debian's chromium (apt-get install -y chromium) or set {Variable} to a Chromium executable to run it"
        : null;
}

/// <summary>A test that drives a real browser; see <see cref="TestBrowser"/> for when it skips.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (TestBrowser.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
