namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// What a connector needs to read a practice's connected source: its own location and the decrypted credential. Never log it.
/// </summary>
/// <param name="Secret">Google refresh token, Facebook page token; null for Yelp (the deployment's API key reads it).</param>
public sealed record ConnectedAccount(string Location, string? LocationLabel, string? Secret, string? Account)
{
    public override string ToString() => $"ConnectedAccount {{ Location = {Location} }}";
}

/// <summary>A location an account manages, offered to the manager after consent.</summary>
/// <param name="Secret">The Facebook page token of that page; null for Google (the account's refresh token serves all).</param>
public sealed record LocationChoice(string Location, string Label, string? Secret = null)
{
    public override string ToString() => $"LocationChoice {{ Location = {Location} }}";
}

/// <summary>What a provider said after consent: the account, its refresh token (Google) and the locations it manages.</summary>
public sealed record AuthorizedAccount(string Account, string? Secret, IReadOnlyList<LocationChoice> Locations)
{
    public override string ToString() => $"AuthorizedAccount {{ Locations = {Locations.Count} }}";
}
