using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace PracticeBot.Testing;

/// <summary>
/// The IMAP server tests may use (<c>PRACTICEBOT_TEST_IMAP=host:port:user:password</c>, a throwaway Dovecot that
/// <c>.ci/dovecot.sh</c> starts), and a folder of its own per test, so tests never see each other's mail.
/// </summary>
public static class TestImap
{
    public const string Variable = "PRACTICEBOT_TEST_IMAP";

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } && !InCi
        ? $"IMAP test: set {Variable} to host:port:user:password (.ci/dovecot.sh start DIR PORT prints it; .ci/run starts one) to run it"
        : null;

    public static (string Host, int Port, string User, string Password) Server
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable)
                ?? throw new InvalidOperationException($"{Variable} is not set: CI must start Dovecot and export it (see .ci/run).");
            var parts = value.Split(':', 4);
            return parts.Length == 4 && int.TryParse(parts[1], out var port)
                ? (parts[0], port, parts[2], parts[3])
                : throw new InvalidOperationException($"{Variable} must be host:port:user:password.");
        }
    }

    /// <summary>The <c>Sources:Email</c> settings that point the host at <paramref name="folder"/> on the test server.</summary>
    public static IEnumerable<(string Key, string? Value)> Settings(string folder)
    {
        var (host, port, user, password) = Server;
        return
        [
            ("Sources:Email:Host", host), ("Sources:Email:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Sources:Email:User", user), ("Sources:Email:Password", password), ("Sources:Email:Tls", "None"),
            ("Sources:Email:Folder", folder), ("Sources:Email:UnparsedFolder", folder + "/Unparsed"),
            ("Sources:Email:RejectedFolder", folder + "/Rejected"),
        ];
    }

    public static async Task<ImapClient> ConnectAsync()
    {
        var (host, port, user, password) = Server;
        var client = new ImapClient();
        await client.ConnectAsync(host, port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        return client;
    }

    /// <summary>Creates an empty top-level folder with a unique name and returns its name.</summary>
    public static async Task<string> CreateFolderAsync()
    {
        var name = $"t{Guid.NewGuid():N}";
        using var client = await ConnectAsync();
        var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path);
        await root.CreateAsync(name, true);
        await client.DisconnectAsync(true);
        return name;
    }

    /// <summary>Appends <paramref name="message"/> to <paramref name="folder"/> with IMAP APPEND, as a mail server delivering it would.</summary>
    public static async Task AppendAsync(string folder, MimeMessage message)
    {
        using var client = await ConnectAsync();
        var target = await FolderAsync(client, folder);
        await target.AppendAsync(new AppendRequest(message, MessageFlags.None));
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs of the messages in <paramref name="folder"/> (<c>/</c> separates sub-folders), and whether each is seen.</summary>
    public static async Task<IReadOnlyList<(string? MessageId, bool Seen)>> ListAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder target;
        try
        {
            target = await FolderAsync(client, folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await target.OpenAsync(FolderAccess.ReadOnly);
        var summaries = target.Count == 0 ? [] : await target.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return summaries.Select(s => (s.Envelope?.MessageId, s.Flags?.HasFlag(MessageFlags.Seen) == true)).ToList();
    }

    /// <summary>The folder's UIDVALIDITY and the UIDs of its messages.</summary>
    public static async Task<(uint UidValidity, IReadOnlyList<uint> Uids)> UidsAsync(string folder)
    {
        using var client = await ConnectAsync();
        var target = await FolderAsync(client, folder);
        await target.OpenAsync(FolderAccess.ReadOnly);
        var uids = await target.SearchAsync(MailKit.Search.SearchQuery.All);
        await client.DisconnectAsync(true);
        return (target.UidValidity, uids.Select(u => u.Id).ToList());
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string path)
    {
        var folder = await client.GetFolderAsync(client.PersonalNamespaces[0].Path);
        foreach (var part in path.Split('/'))
        {
            folder = await folder.GetSubfolderAsync(part);
        }

        return folder;
    }
}

/// <summary>
/// A test that needs a real IMAP server. Outside CI it is skipped, visibly, unless <c>PRACTICEBOT_TEST_IMAP</c> is set;
/// in CI (<c>CI=true</c>) it always runs, so a missing server fails instead of passing silently.
/// </summary>
public sealed class ImapFactAttribute : FactAttribute
{
    /// <param name="withPostgres">The test also needs PostgreSQL (<see cref="TestPostgres"/>), on the same terms.</param>
    public ImapFactAttribute(bool withPostgres = false)
    {
        if ((TestImap.SkipReason ?? (withPostgres ? TestPostgres.SkipReason : null)) is { } reason)
        {
            Skip = reason;
        }
    }
}
