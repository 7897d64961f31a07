namespace PracticeBot.Core.Storage;

/// <summary>
/// One key of the host's ASP.NET Core Data Protection key ring, as the XML element the key manager wrote. Kept in the
/// bot's database so every instance shares one key ring; encrypted with a certificate when the host has one.
/// </summary>
public sealed class ProtectionKey
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
