using System.Diagnostics;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>Waits for something asynchronous (the outbox worker) to become true, failing after a bound.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out after {seconds} s waiting for {what}.");
    }
}
