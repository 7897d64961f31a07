namespace PracticeBot.Adapters.Teams.Auth;

/// <summary>The outcome of authenticating a request: 200 to go on, or 401/403 with a reason for the log (never the token).</summary>
public sealed record AuthResult(bool Succeeded, int StatusCode, string? Reason = null)
{
    public static readonly AuthResult Success = new(true, 200);

    public static AuthResult Unauthorized(string reason) => new(false, 401, reason);

    public static AuthResult Forbidden(string reason) => new(false, 403, reason);
}
