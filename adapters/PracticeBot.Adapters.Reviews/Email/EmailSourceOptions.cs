using System.Net;
using MimeKit;

namespace PracticeBot.Adapters.Reviews.Email;

/// <summary>
/// <c>Sources:Email</c>: the mailbox the bot reads review alert e-mails from over IMAP, and per practice slug the
/// forwarding addresses it accepts (<c>Sources:Email:Practices:sunrise-family-medicine:AcceptFrom:0=frontdesk@sunrise.example</c>).
/// </summary>
public sealed class EmailSourceOptions
{
    public const string SectionName = "Sources:Email";

    public string? Host { get; set; }
    /// <summary>0: 993 with <see cref="EmailTls.SslOnConnect"/>, else 143.</summary>
    public int Port { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The folder alerts arrive in; sub-folders are written with <c>/</c>.</summary>
    public string Folder { get; set; } = "INBOX";
    /// <summary>Where messages no parser understands go, for people to read.</summary>
    public string UnparsedFolder { get; set; } = "PracticeBot/Unparsed";
    /// <summary>Where messages from addresses no practice accepts go; they are never ingested.</summary>
    public string RejectedFolder { get; set; } = "PracticeBot/Unknown sender";
    public EmailTls Tls { get; set; } = EmailTls.Auto;
    /// <summary>How often to look for new mail when the server has no IDLE; also the longest one IDLE lasts before it is renewed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public Dictionary<string, EmailPracticeOptions> Practices { get; set; } = [];

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port > 0 ? Port : Tls == EmailTls.SslOnConnect ? 993 : 143;

    /// <summary>The mailbox as recorded with each processed message: <c>user@host:port/folder</c>.</summary>
    public string MailboxKey => $"{User}@{Host}:{EffectivePort}/{Folder}";

    public IEnumerable<string> Problems()
    {
        if (!Configured)
        {
            if (Practices.Count > 0)
            {
                yield return $"{SectionName}:Host is required when {SectionName}:Practices lists practices.";
            }

            yield break;
        }

        foreach (var (key, value) in new[] { ("User", User), ("Password", Password), ("Folder", Folder), ("UnparsedFolder", UnparsedFolder), ("RejectedFolder", RejectedFolder) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{SectionName}:{key} is required when {SectionName}:Host is set.";
            }
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"{SectionName}:Port must be 1 to 65535 (or left out: 993 with SslOnConnect, else 143).";
        }

        if (Tls == EmailTls.None && !IsLoopback(Host!))
        {
            yield return $"{SectionName}:Tls None sends the password in clear: it is allowed only for a server on this machine (127.0.0.1, ::1, localhost). Use Auto, StartTls or SslOnConnect.";
        }

        if (PollInterval < TimeSpan.FromSeconds(1))
        {
            yield return $"{SectionName}:PollInterval must be at least 00:00:01.";
        }

        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (slug, practice) in Practices)
        {
            if (practice.AcceptFrom.Count == 0)
            {
                yield return $"{SectionName}:Practices:{slug}:AcceptFrom must list at least one forwarding address.";
            }

            foreach (var address in practice.AcceptFrom)
            {
                if (!MailboxAddress.TryParse(address, out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal))
                {
                    yield return $"{SectionName}:Practices:{slug}:AcceptFrom has '{address}', which is not an e-mail address.";
                }
                else if (owners.TryGetValue(parsed.Address, out var other) && other != slug)
                {
                    yield return $"{SectionName}:Practices: {parsed.Address} is accepted by both {other} and {slug}; an address may belong to one practice only.";
                }
                else
                {
                    owners[parsed.Address] = slug;
                }
            }
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>One practice's forwarding addresses: mail forwarded from them is that practice's, and only that practice's.</summary>
public sealed class EmailPracticeOptions
{
    public List<string> AcceptFrom { get; set; } = [];
}

/// <summary>How the IMAP connection is secured.</summary>
public enum EmailTls
{
    /// <summary>TLS from the first byte on port 993, STARTTLS (required) on any other port.</summary>
    Auto,
    SslOnConnect,
    StartTls,
    /// <summary>No TLS: only for a server on this machine (tests, a local relay).</summary>
    None,
}
