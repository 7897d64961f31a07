using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Practices.Onboarding;
using FakeSlackApi = PracticeBot.Adapters.Slack.Tests.TestSupport.FakeSlackApi;
using BotFrameworkFake = PracticeBot.Adapters.Teams.Tests.TestSupport.BotFrameworkFake;
using static PracticeBot.Host.Tests.Isolation.TwoPractices;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// The tenant-isolation matrix: every attempt of <see cref="AttemptCatalog"/>, by a person of practice A in each role
/// (or of a workspace bound to no practice), through both adapters, against one host that also holds practice B.
/// </summary>
public sealed class IsolationMatrix : IAsyncDisposable
{
    /// <summary>The role name of a person in a workspace that no practice is bound to.</summary>
    public const string Unbound = "unbound";

    /// <summary>The role name of a guest of A's workspace who has no role.</summary>
    public const string Guest = TwoPractices.Guest;

    private IsolationMatrix(IsolationHost host, HttpClient client, BTargets targets, string baseline)
    {
        Host = host;
        Targets = targets;
        Baseline = baseline;
        Slack = new SlackAttacker(host, client);
        Teams = new TeamsAttacker(host, client);
        Client = client;
    }

    public IsolationHost Host { get; }

    public BTargets Targets { get; }

    /// <summary>B's rows right after seeding; B must look exactly like this after every attempt.</summary>
    public string Baseline { get; }

    private SlackAttacker Slack { get; }

    private TeamsAttacker Teams { get; }

    private HttpClient Client { get; }

    /// <summary>Every (adapter, role, attempt, delivery) the matrix runs.</summary>
    public static IEnumerable<(string Adapter, string Role, Attempt Attempt, string Delivery)> Rows()
    {
        foreach (var adapter in new[] { Platforms.Slack, Platforms.Teams })
        {
            foreach (var role in ARoles.Select(r => r.Name).Append(Guest).Append(Unbound))
            {
                foreach (var attempt in AttemptCatalog.All)
                {
                    // A workspace with no practice may still ask for help, set one up (creating a practice of its own), or mistype.
                    if (role == Unbound && (attempt.Route == "command:help topics" || SetsUp(attempt)) || role == Unbound && attempt.Expect == Expect.Unparsed)
                    {
                        continue;
                    }

                    // The second way of pressing a button (a Slack modal whose metadata points at B, a Teams Action.Submit) or of
                    // typing a command (a Slack @mention, a Teams personal chat) reaches the same handlers: it runs for the most
                    // and the least privileged person and for a guest, which keeps the matrix inside its time budget.
                    var deliveries = DeliveriesOf(adapter, attempt);
                    foreach (var delivery in role is "manager" or "member" or Guest ? deliveries : deliveries.Take(1))
                    {
                        if (!Skipped(attempt, delivery) && !Skipped(role, attempt))
                        {
                            yield return (adapter, role, attempt, delivery);
                        }
                    }
                }
            }
        }
    }

    public static IEnumerable<string> DeliveriesOf(string adapter, Attempt attempt) =>
        attempt.IsCommand ? (adapter == Platforms.Slack ? ["typed", SlackAttacker.Mention] : ["typed", TeamsAttacker.Personal])
        : adapter == Platforms.Slack ? [SlackAttacker.Button, SlackAttacker.Modal]
        : [TeamsAttacker.Execute, TeamsAttacker.Submit];

    /// <summary>
    /// A Teams personal chat in the tenant both practices share belongs to neither (like an unbound workspace): setting a
    /// practice up there would bind the whole tenant's personal chats to it for the rest of the run, and a mistyped
    /// command there is answered with its usage, not refused.
    /// </summary>
    public static bool Skipped(Attempt attempt, string delivery) =>
        delivery == TeamsAttacker.Personal && (SetsUp(attempt) || attempt.Expect == Expect.Unparsed);

    /// <summary>Routes that set a practice up where there is none (the command, and the setup guide's first steps): not refused there.</summary>
    public static bool SetsUp(Attempt attempt) =>
        attempt.Route is "command:practice setup" or $"action:{SetupGuideActions.Show}" or $"action:{SetupGuideActions.Start}" or $"action:{SetupGuideActions.Create}";

    /// <summary>A guest's mistyped command is refused like the rest, but its audit cannot name a route that never parsed.</summary>
    public static bool Skipped(string role, Attempt attempt) => role == Guest && attempt.Expect == Expect.Unparsed;

    public static async Task<IsolationMatrix> StartAsync(IReadOnlyDictionary<string, string?> database)
    {
        var slack = await FakeSlackApi.StartAsync();
        var teams = await BotFrameworkFake.StartAsync();
        var host = new IsolationHost(database, slack, teams);
        var client = host.CreateClient();
        var targets = await host.SeedAsync();
        return new IsolationMatrix(host, client, targets, await host.SnapshotAsync(targets.PracticeId));
    }

    /// <summary>Runs one attempt and asserts everything the matrix promises about it.</summary>
    public async Task RunAsync(string adapter, string role, Attempt attempt, string delivery)
    {
        var unbound = role == Unbound;
        var guest = role == Guest;
        // In a personal chat no practice is found: everything but help is refused as "not set up", as for an unbound workspace.
        var nowhere = unbound || delivery == TeamsAttacker.Personal;
        var (team, channel) = (adapter, unbound) switch
        {
            (Platforms.Slack, false) => (ASlackTeam, ASlackChannel),
            (Platforms.Slack, true) => (UnboundSlackTeam, UnboundSlackChannel),
            (_, false) => (ATeamsTeam, ATeamsChannel),
            (_, true) => (UnboundTeamsTeam, UnboundTeamsChannel),
        };
        var userId = UserId(adapter, 'a', unbound ? UnboundUser : role);
        var actor = $"{adapter}:{userId}";
        var what = $"{attempt.Name} ({delivery}) by A's {role} over {adapter}";
        var lastAudit = await Host.LastAuditIdAsync();

        var outcome = adapter == Platforms.Slack
            ? await Slack.SendAsync(attempt, delivery, Targets, team, channel, userId)
            : await Teams.SendAsync(attempt, delivery, Targets, team, channel, userId);
        await Host.SettleAsync();

        var expect = attempt.Route == GuestMiddleware.HelpRoute ? Expect.OwnPractice : nowhere || guest ? Expect.Refused : attempt.Expect;
        Assert.True(outcome.Sent.Count > 0, $"{what}: no answer at all");
        if (expect == Expect.Refused)
        {
            var refusals = await Host.RefusalsAsync(actor, lastAudit);
            var refusal = Assert.Single(refusals);
            Assert.True(refusal.PracticeId == (nowhere ? null : Targets.APracticeId), $"{what}: refusal audited for practice {refusal.PracticeId?.ToString() ?? "none"}");
            Assert.StartsWith($"{adapter}/{(adapter == Platforms.Slack ? team : TeamsTenant)}/", refusal.Origin, StringComparison.Ordinal);
            Assert.StartsWith(attempt.Route + ":", refusal.Detail, StringComparison.Ordinal);
            // Refused before or while resolving the id: a later reason (not yours, someone else's swap) would mean B's row was found.
            var reason = refusal.Detail![(attempt.Route.Length + 2)..];
            Assert.True(ResolutionReasons.Any(r => reason.StartsWith(r, StringComparison.Ordinal)), $"{what}: refused for \"{reason}\", after B's row was found");
            Assert.False(string.IsNullOrEmpty(refusal.CorrelationId), $"{what}: refusal without a correlation id");
        }
        else if (expect == Expect.Unparsed)
        {
            Assert.Contains("one of: name", outcome.All, StringComparison.Ordinal);
        }

        // Nothing of B in anything sent, except what the attacker typed themselves.
        var typed = attempt.Line?.Invoke(Targets) ?? "";
        foreach (var secret in Targets.Secrets.Where(s => !typed.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            Assert.False(outcome.All.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what}: B's \"{secret}\" was sent: {Clip(outcome.All)}");
        }

        Assert.DoesNotContain(Host.Slack.Calls, c => c.Get("channel") == BSlackChannel);
        Assert.DoesNotContain(Host.Teams.Calls, c => c.Path.Contains(Uri.EscapeDataString(BTeamsChannel), StringComparison.Ordinal) || c.Path.Contains(BTeamsChannel, StringComparison.Ordinal));
        var after = await Host.SnapshotAsync(Targets.PracticeId);
        Assert.True(Baseline == after, $"{what}: practice B changed.\nbefore: {Baseline}\nafter:  {after}");
    }

    /// <summary>The reasons a turn can be refused for without having found the row it names.</summary>
    private static readonly string[] ResolutionReasons =
        ["workspace not set up", "not a member", "needs ", "assigning needs managers", "no such ", "button value names no review", "guest without a role"];

    private static string Clip(string text) => text.Length <= 1500 ? text : text[..1500] + "…";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Host.Slack.DisposeAsync();
        await Host.Teams.DisposeAsync();
    }
}
