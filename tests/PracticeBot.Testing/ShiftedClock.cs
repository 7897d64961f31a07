namespace PracticeBot.Testing;

/// <summary>
/// The system clock moved to a chosen moment (a Friday afternoon in Chicago) that then runs on in real time, for a host
/// test that needs a weekday: timers and delays stay real, so the host's workers run as usual, unlike with a frozen
/// fake clock. Requests signed for such a host are signed at <see cref="TimeProvider.GetUtcNow"/> of this clock.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset startsAt) : TimeProvider
{
    private readonly TimeSpan _offset = startsAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
