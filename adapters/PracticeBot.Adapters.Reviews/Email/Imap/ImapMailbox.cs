using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace PracticeBot.Adapters.Reviews.Email.Imap;

/// <summary>
/// One IMAP session on the alert folder (MailKit): list its messages by UID, read one, flag it seen, move it to a
/// folder for people, and wait for new mail with IDLE when the server has it (polling otherwise). Not thread-safe: one
/// caller at a time, as IMAP itself.
/// </summary>
public sealed class ImapMailbox : IAsyncDisposable
{
    private readonly ImapClient _client;
    private readonly IMailFolder _folder;
    private readonly Dictionary<string, IMailFolder> _targets = new(StringComparer.Ordinal);

    // Set when the server reports new mail (EXISTS), during IDLE or during any other command (a pass's SEARCH), so that
    // mail arriving while a pass runs is not left waiting for the next poll.
    private volatile bool _arrived;
    private CancellationTokenSource? _idle;

    private ImapMailbox(ImapClient client, IMailFolder folder)
    {
        _client = client;
        _folder = folder;
        _folder.CountChanged += (_, _) =>
        {
            _arrived = true;
            _idle?.Cancel();
        };
    }

    public uint UidValidity => _folder.UidValidity;

    /// <summary>The server announced IDLE (RFC 2177): new mail is noticed at once instead of at the next poll.</summary>
    public bool CanIdle => _client.Capabilities.HasFlag(ImapCapabilities.Idle);

    /// <exception cref="AuthenticationException">The server refused the user name or password.</exception>
    public static async Task<ImapMailbox> OpenAsync(EmailSourceOptions options, CancellationToken ct)
    {
        var client = new ImapClient();
        try
        {
            var tls = options.Tls switch
            {
                EmailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
                EmailTls.StartTls => SecureSocketOptions.StartTls,
                EmailTls.None => SecureSocketOptions.None,
                _ => options.EffectivePort == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host!, options.EffectivePort, tls, ct);
            await client.AuthenticateAsync(options.User!, options.Password!, ct);
            var folder = await FolderAsync(client, options.Folder, create: false, ct);
            await folder.OpenAsync(FolderAccess.ReadWrite, ct);
            return new ImapMailbox(client, folder);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<UniqueId>> UidsAsync(CancellationToken ct) => (await _folder.SearchAsync(SearchQuery.All, ct)).ToList();

    /// <summary>The message, or null when it is no longer in the folder (another instance moved it).</summary>
    public async Task<MimeMessage?> GetAsync(UniqueId uid, CancellationToken ct)
    {
        try
        {
            return await _folder.GetMessageAsync(uid, ct);
        }
        catch (MessageNotFoundException)
        {
            return null;
        }
    }

    public Task MarkSeenAsync(UniqueId uid, CancellationToken ct) =>
        _folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, ct);

    /// <summary>Moves the message to <paramref name="path"/> (created when missing; <c>/</c> separates sub-folders).</summary>
    public async Task MoveAsync(UniqueId uid, string path, CancellationToken ct)
    {
        if (!_targets.TryGetValue(path, out var target))
        {
            target = await FolderAsync(_client, path, create: true, ct);
            _targets[path] = target;
        }

        await _folder.MoveToAsync(uid, target, ct);
    }

    /// <summary>
    /// Returns when new mail may have arrived: with IDLE as soon as the server says so (or after <paramref name="longest"/>,
    /// renewing the IDLE well within the 29 minutes RFC 2177 allows); without it, after <paramref name="longest"/>.
    /// </summary>
    public async Task WaitForMailAsync(TimeSpan longest, CancellationToken ct)
    {
        if (_arrived)
        {
            _arrived = false;
            return;
        }

        if (!CanIdle)
        {
            await Task.Delay(longest, ct);
            await _client.NoOpAsync(ct);
            _arrived = false;
            return;
        }

        using var done = new CancellationTokenSource(longest < TimeSpan.FromMinutes(9) ? longest : TimeSpan.FromMinutes(9));
        _idle = done;
        try
        {
            if (!_arrived)
            {
                await _client.IdleAsync(done.Token, ct);
            }
        }
        finally
        {
            _idle = null;
            _arrived = false; // the pass that follows sees everything up to now
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(true, timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ImapProtocolException or ImapCommandException)
        {
            // The session is going away anyway.
        }
        finally
        {
            _client.Dispose();
        }
    }

    /// <summary>The folder at <paramref name="path"/> (<c>INBOX</c>, or names separated by <c>/</c>), created when asked.</summary>
    public static async Task<IMailFolder> FolderAsync(ImapClient client, string path, bool create, CancellationToken ct)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && string.Equals(parts[0], "INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox!;
        }

        var folder = await client.GetFolderAsync(client.PersonalNamespaces[0].Path, ct);
        foreach (var part in parts)
        {
            try
            {
                folder = await folder.GetSubfolderAsync(part, ct);
            }
            catch (FolderNotFoundException) when (create)
            {
                folder = await folder.CreateAsync(part, true, ct)
                    ?? throw new ImapCommandException(ImapCommandResponse.No, $"The server did not create the folder {path}.");
            }
        }

        return folder;
    }
}
