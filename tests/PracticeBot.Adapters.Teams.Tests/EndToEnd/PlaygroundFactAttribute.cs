namespace PracticeBot.Adapters.Teams.Tests.EndToEnd;

/// <summary>
/// A test that needs the Microsoft 365 Agents Playground (npm). Outside CI it is skipped, visibly, unless
/// <c>tests/e2e/install-playground.sh</c> installed it; in CI (<c>CI=true</c>) it always runs, so a missing
/// Playground fails instead of passing silently.
/// </summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    public PlaygroundFactAttribute()
    {
        if (Playground.Executable is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Agents Playground test: run tests/e2e/install-playground.sh (needs Node.js) to run it";
        }
    }
}
