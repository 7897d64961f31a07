using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices.Settings;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>
/// <c>practice settings</c> shows the practice's settings; managers change one with
/// <c>practice settings &lt;key&gt; &lt;value&gt;</c>. Which settings there are, how each shows and how each changes is
/// <see cref="SettingsCatalog"/>.
/// </summary>
public sealed class ShowSettings(PracticeBotDb db, IEnumerable<IPracticeSchedules> schedules, IWebhookSecretVault? secrets = null)
    : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (command.Find<string>("key") is { } key)
        {
            Change(practice, key, command.Text("value"), turn);
            return;
        }

        var members = await db.Members.Where(m => m.PracticeId == practice.Id && m.Roles != Role.None)
            .OrderBy(m => m.DisplayName).ToListAsync(cancellationToken);
        string Holders(Role role) =>
            members.Where(m => m.Roles.HasFlag(role)) is var list && list.Any() ? string.Join(", ", list.Select(m => m.Mention)) : "nobody yet";

        var card = Card.Of(
            new HeaderBlock($"{practice.Name} — settings"),
            new SectionBlock("", [.. SettingsCatalog.All.Where(setting => setting.Label is not null)
                .Select(setting => new CardField(setting.Label!, setting.Format!(practice)))]),
            new SectionBlock("*People*", [
                new CardField("Managers", Holders(Role.Manager)),
                new CardField("Responders", Holders(Role.Responder)),
                new CardField("Operations", Holders(Role.Operations)),
                new CardField("Posters", Holders(Role.Poster)),
            ]),
            new ContextBlock([$"Managers change these with `{PracticeCommands.Settings.Words} {string.Join("|", SettingsCatalog.ChangeableKeys)} <value>` and `{PracticeCommands.Role.Syntax}`."]));
        turn.Reply(new OutboundMessage($"{practice.Name} settings", card));
        if (turn.Member?.Has(Role.Manager) == true && secrets is not null)
        {
            // Apart from the settings, so that only this reply has to go somewhere private.
            turn.ReplySecret(new OutboundMessage($"The review webhook secret of {practice.Name}", Card.Of(
                new SectionBlock("*Review webhook* (managers only: keep this secret)", [
                    new CardField("Secret for X-PracticeBot-Signature", $"`{secrets.RevealOrCreate(practice)}`"),
                    new CardField("Id (for the review webhook)", practice.Slug),
                ]))));
        }
    }

    private void Change(Practice practice, string key, string? value, TurnContext turn)
    {
        var words = PracticeCommands.Settings.Words;
        if (turn.Member?.Has(Role.Manager) != true)
        {
            turn.Refuse($"Only managers can change settings. `{words}` shows them.", $"practice:{practice.Slug}", "needs managers");
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            turn.Reply($"Give the new {key}: `{words} {key} <value>`.");
            return;
        }

        // The parser only lets the changeable keys through.
        SettingsCatalog.Changeable(key)?.Change!(new SettingChange(practice, value, turn, schedules));
    }
}
