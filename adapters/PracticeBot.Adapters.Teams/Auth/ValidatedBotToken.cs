namespace PracticeBot.Adapters.Teams.Auth;

/// <summary>
/// A bearer token whose signature, issuer, audience and lifetime checked out; what is left to check needs the
/// activity: the signing key's endorsements and the <c>serviceurl</c> claim.
/// </summary>
public sealed record ValidatedBotToken(IReadOnlyCollection<string> Endorsements, string? ServiceUrl)
{
    public AuthResult CheckActivity(string? channelId, string? serviceUrl)
    {
        if (string.IsNullOrEmpty(channelId) || !Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return AuthResult.Forbidden("the signing key is not endorsed for the activity's channel");
        }

        if (ServiceUrl is null || !SameServiceUrl(ServiceUrl, serviceUrl))
        {
            return AuthResult.Unauthorized("the serviceurl claim does not match the activity's serviceUrl");
        }

        return AuthResult.Success;
    }

    private static bool SameServiceUrl(string claim, string? activity) =>
        activity is not null && string.Equals(claim.TrimEnd('/'), activity.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
