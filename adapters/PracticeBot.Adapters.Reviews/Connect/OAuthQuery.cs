using System.Security.Cryptography;
using System.Text;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Adapters.Reviews.Connect;

internal static class OAuthQuery
{
    public static Uri Build(string endpoint, IEnumerable<(string Key, string? Value)> parameters)
    {
        var query = string.Join("&", parameters.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        return new Uri(endpoint + (endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    /// <summary>RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))).</summary>
    public static string Challenge(string verifier) => ConnectedSources.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
