using System.Security.Cryptography;
using System.Text;

namespace PracticeBot.Core.Dashboard;

/// <summary>The sign-in link's token: random, shown once in chat, stored only as its hash.</summary>
public static class DashboardTokens
{
    /// <summary>How long a sign-in link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long the session that a link starts lasts.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public const string SignInPrefix = "/dashboard/signin/";

    /// <summary>32 random bytes, URL-safe (base64url without padding: 43 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string SignInPath(string token) => SignInPrefix + token;

    /// <summary>A token as <see cref="NewToken"/> makes them; anything else is not looked up at all.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
