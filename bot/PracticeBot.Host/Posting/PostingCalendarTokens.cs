using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PracticeBot.Core.Posting;

namespace PracticeBot.Host.Posting;

/// <summary>Each posting plan's calendar-feed token, encrypted with ASP.NET Core Data Protection in the plan.</summary>
public sealed class PostingCalendarTokens(IDataProtectionProvider protection) : IPostingCalendarTokens
{
    private readonly IDataProtector _protector = protection.CreateProtector("PracticeBot.Posting.CalendarToken.v1");

    public string Create(PostingPlan plan)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        plan.ProtectedCalendarToken = _protector.Protect(token);
        return token;
    }

    public string? Reveal(PostingPlan plan)
    {
        if (plan.ProtectedCalendarToken is not { Length: > 0 } stored)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null; // keys lost: `posting schedule` shows a new token, and the old feed URL stops working
        }
    }
}
