namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// A source connected through OAuth from chat (Google, Facebook): the consent link, the code exchange and the listing of
/// the locations the account manages, and revoking at the provider. Implemented in <c>PracticeBot.Adapters.Reviews</c>.
/// </summary>
public interface ISourceAuthorizer
{
    /// <summary><see cref="IReviewSource.Name"/>.</summary>
    string Source { get; }

    /// <summary>Null when the deployment can connect it; else what the operator must configure.</summary>
    string? MissingConfiguration { get; }

    /// <summary>True when the provider takes PKCE (the verifier is then kept for the exchange).</summary>
    bool UsesPkce { get; }

    /// <summary>The provider's consent page, with the state (and the S256 challenge of the verifier when PKCE is used).</summary>
    Uri AuthorizationUrl(string state, string? codeVerifier);

    /// <summary>Exchanges the code; a failure is a <see cref="SourceAuthorizationException"/> whose message is for people.</summary>
    Task<AuthorizedAccount> CompleteAsync(string code, string? codeVerifier, CancellationToken cancellationToken);

    /// <summary>Called once a location is chosen: e.g. subscribing the app to the page's webhooks. Failures are reasons, not throws.</summary>
    Task<string?> ActivateAsync(ConnectedAccount account, CancellationToken cancellationToken);

    /// <summary>Revokes the credential at the provider; returns a reason when it could not.</summary>
    Task<string?> RevokeAsync(ConnectedAccount account, CancellationToken cancellationToken);
}

/// <summary>An authorization that cannot complete; the message is safe to show the person.</summary>
public sealed class SourceAuthorizationException(string message) : Exception(message);
