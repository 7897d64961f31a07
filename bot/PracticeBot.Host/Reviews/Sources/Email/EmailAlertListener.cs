using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Email;
using PracticeBot.Adapters.Reviews.Email.Imap;

namespace PracticeBot.Host.Reviews.Sources.Email;

/// <summary>
/// Reads the alert mailbox (<c>Sources:Email</c>) for as long as the host runs: a pass over the folder at start, then
/// one whenever IDLE says mail arrived (or every <c>PollInterval</c> on a server without IDLE). A lost connection or a
/// refused login is recorded for <c>practice sources</c> and retried with back-off up to 5 minutes. Does nothing when
/// no host is configured.
/// </summary>
public sealed partial class EmailAlertListener(
    IOptions<EmailSourceOptions> options, EmailAlertIntake intake, EmailAlertStatus status, TimeProvider time, ILogger<EmailAlertListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Configured)
        {
            return;
        }

        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var mailbox = await ImapMailbox.OpenAsync(o, stoppingToken);
                LogConnected(logger, o.Host!, o.EffectivePort, o.Folder, mailbox.CanIdle);
                backOff = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await intake.ProcessNewAsync(mailbox, stoppingToken);
                    await mailbox.WaitForMailAsync(o.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never let the mailbox stop the bot: record why, and try again later.
                var problem = Describe(e, o);
                if (problem is null)
                {
                    problem = $"an unexpected error ({e.GetType().Name}); the operator's log has the details";
                    LogUnexpected(logger, e);
                }

                status.Failed(problem, time.GetUtcNow());
                LogFailed(logger, problem, backOff);
                try
                {
                    await Task.Delay(backOff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, LongestBackOff.Ticks));
            }
        }
    }

    /// <summary>What went wrong, in words an operator can act on (never message content); null for the unexpected.</summary>
    private static string? Describe(Exception e, EmailSourceOptions o) => e switch
    {
        AuthenticationException => $"the mailbox {o.User}@{o.Host} refused the user name or password (Sources:Email:User, Password)",
        SslHandshakeException => $"TLS with {o.Host}:{o.EffectivePort} failed (check Sources:Email:Tls and the server's certificate)",
        SocketException or IOException => $"could not reach {o.Host}:{o.EffectivePort} ({e.Message})",
        FolderNotFoundException => $"the folder {o.Folder} does not exist in the mailbox (Sources:Email:Folder)",
        ImapCommandException or ImapProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException =>
            $"the IMAP server said: {e.Message}",
        Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException => $"the database could not record a message: {e.GetType().Name}",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading review alerts from {Host}:{Port} folder {Folder} (IDLE: {Idle})")]
    private static partial void LogConnected(ILogger logger, string host, int port, string folder, bool idle);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review alert mailbox: unexpected error")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review alert mailbox: {Problem}; trying again in {BackOff}")]
    private static partial void LogFailed(ILogger logger, string problem, TimeSpan backOff);
}
