using System.Security.Cryptography;
using PracticeBot.Core.Posting;

namespace PracticeBot.Core.Tests.TestSupport;

/// <summary>The host encrypts with Data Protection; the core only needs a token that round-trips and is not stored in clear.</summary>
public sealed class FakeCalendarTokens : IPostingCalendarTokens
{
    private const string Prefix = "fake-protected:";

    public string Create(PostingPlan plan)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        plan.ProtectedCalendarToken = Prefix + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token));
        return token;
    }

    public string? Reveal(PostingPlan plan) => plan.ProtectedCalendarToken.StartsWith(Prefix, StringComparison.Ordinal)
        ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(plan.ProtectedCalendarToken[Prefix.Length..]))
        : null;
}
