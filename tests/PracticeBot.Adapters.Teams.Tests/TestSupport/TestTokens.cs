using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>Bot Framework style tokens signed by the fake's test keys (or deliberately not).</summary>
public static class TestTokens
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Issuer = "https://api.botframework.com";

    public static string Create(
        BotFrameworkFake fake,
        string serviceUrl,
        string audience = AppId,
        string issuer = Issuer,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string kid = BotFrameworkFake.EndorsedKid,
        RSA? key = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var signingKey = new RsaSecurityKey(key ?? (kid == BotFrameworkFake.UnendorsedKid ? fake.UnendorsedKey : fake.Key)) { KeyId = kid };
        var exp = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = exp,
            NotBefore = notBefore ?? exp.AddHours(-1),
            IssuedAt = notBefore ?? exp.AddHours(-1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string AlgNone(string serviceUrl) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
        });

    public static string Hs256(string serviceUrl) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret that is long enough for HS256 signing")) { KeyId = BotFrameworkFake.EndorsedKid },
                SecurityAlgorithms.HmacSha256),
        });
}
