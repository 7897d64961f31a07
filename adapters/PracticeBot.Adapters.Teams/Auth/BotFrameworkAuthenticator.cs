using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PracticeBot.Adapters.Teams.Auth;

/// <summary>
/// Validates the JWT the Bot Framework sends with every activity: RS256 signature by a key of the OpenID metadata
/// (cached, refreshed when an unknown key id shows up), issuer, audience = our app id, lifetime with 5 minutes of
/// skew; then, with the activity, the key's endorsements and the <c>serviceurl</c> claim.
/// </summary>
public sealed partial class BotFrameworkAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly IConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotFrameworkAuthenticator(
        IConfigurationManager<OpenIdConnectConfiguration> metadata,
        IOptions<TeamsOptions> options,
        TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        _metadata = metadata;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Everything in one call: the token, then the activity's channel and service URL.</summary>
    public async Task<AuthResult> AuthenticateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var (token, failure) = await ValidateTokenAsync(authorization, cancellationToken);
        return token?.CheckActivity(channelId, serviceUrl) ?? failure!;
    }

    public async Task<(ValidatedBotToken? Token, AuthResult? Failure)> ValidateTokenAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
        {
            return (null, AuthResult.Unauthorized("no bearer token"));
        }

        var jwt = authorization[7..].Trim();
        var result = await ValidateAsync(jwt, cancellationToken);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: an unknown key id means the cached metadata may be stale; look once more.
            _metadata.RequestRefresh();
            result = await ValidateAsync(jwt, cancellationToken);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            var reason = result.Exception?.GetType().Name ?? "invalid token";
            LogRejected(_logger, reason);
            return (null, AuthResult.Unauthorized(reason));
        }

        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        var endorsements = EndorsementsOf(configuration, validated.Kid);
        validated.TryGetPayloadValue<string>("serviceurl", out var serviceUrl);
        return (new ValidatedBotToken(endorsements, serviceUrl), null);
    }

    private async Task<TokenValidationResult> ValidateAsync(string jwt, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            LogMetadataUnavailable(_logger, ex.GetType().Name);
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers,
            ValidateIssuer = true,
            ValidAudience = _options.AppId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = ValidLifetime,
        };
        return await _handler.ValidateTokenAsync(jwt, parameters);
    }

    /// <summary>The lifetime check on our <see cref="TimeProvider"/>, so tests can move the clock.</summary>
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }

    internal static IReadOnlyCollection<string> EndorsementsOf(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return [];
        }

        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            IEnumerable<string> strings => [.. strings],
            IEnumerable<object> objects => [.. objects.Select(o => o?.ToString()).OfType<string>()],
            string single => [single],
            _ => [],
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Bot Framework token: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Bot Framework OpenID metadata could not be read ({Error})")]
    private static partial void LogMetadataUnavailable(ILogger logger, string error);
}
