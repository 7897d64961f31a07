namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>A finding and the stretch of the normalised draft it quotes, for choosing one finding per stretch.</summary>
internal readonly record struct PrivacyHit(int Start, int End, PrivacyFinding Finding);
