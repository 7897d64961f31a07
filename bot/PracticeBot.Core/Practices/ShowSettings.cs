using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices.Settings;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>
/// <c>practice settings</c> shows the practice's settings as a card; <c>practice settings &lt;setting&gt;</c> explains one.
/// It never changes one (<see cref="ChangeSetting"/> does): which settings there are and how each shows is
/// <see cref="SettingsCatalog"/>.
/// </summary>
public sealed class ShowSettings(PracticeBotDb db, IWebhookSecretVault? secrets = null) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (SettingsCatalog.Find(command.Find<string>("setting")) is { } setting)
        {
            Explain(practice, setting, command.Text("value"), turn);
            return;
        }

        var members = await db.Members.Where(m => m.PracticeId == practice.Id && m.Roles != Role.None)
            .OrderBy(m => m.DisplayName).ToListAsync(cancellationToken);
        string Holders(Role role) =>
            members.Where(m => m.Roles.HasFlag(role)) is var list && list.Any() ? string.Join(", ", list.Select(m => m.Mention)) : "nobody yet";

        var blocks = new List<CardBlock> { new HeaderBlock($"{OutsideText.Mark(practice.Name)} — settings") };
        foreach (var group in SettingsCatalog.Groups)
        {
            var fields = group.Select(s => new CardField($"{s.Label} (`{s.Key}`)", s.Format(practice))).ToList();
            if (group.Key == PracticeIdentitySettings.Group)
            {
                fields.Add(new CardField("Id (for the review webhook)", practice.Slug));
            }

            blocks.Add(new SectionBlock($"*{group.Key}*", fields));
        }

        blocks.Add(new SectionBlock("*People*", [
            new CardField("Managers", Holders(Role.Manager)),
            new CardField("Responders", Holders(Role.Responder)),
            new CardField("Operations", Holders(Role.Operations)),
            new CardField("Posters", Holders(Role.Poster)),
        ]));
        blocks.Add(new ContextBlock([
            $"Managers change one with `{PracticeCommands.Set.Words} <setting> <value>`, e.g. `{PracticeCommands.Set.ExampleLine}`; " +
            $"`{PracticeCommands.Settings.Words} <setting>` explains one; roles with `{PracticeCommands.Role.Syntax}`.",
        ]));
        turn.Reply(new OutboundMessage($"{OutsideText.Mark(practice.Name)} settings", new Card(blocks)));
        if (turn.Member?.Has(Role.Manager) == true && secrets is not null)
        {
            // Apart from the settings, so that only this reply has to go somewhere private.
            turn.ReplySecret(new OutboundMessage($"The review webhook secret of {OutsideText.Mark(practice.Name)}", Card.Of(
                new SectionBlock("*Review webhook* (managers only: keep this secret)", [
                    new CardField("Secret for X-PracticeBot-Signature", $"`{secrets.RevealOrCreate(practice)}`"),
                    new CardField("Id (for the review webhook)", practice.Slug),
                ]))));
        }
    }

    /// <summary>One setting: what it is, its value now, and how to change it. A value typed here changes nothing.</summary>
    private static void Explain(Practice practice, PracticeSetting setting, string? value, TurnContext turn)
    {
        var change = setting.ChangedBy is null
            ? $"Managers change it with `{setting.Syntax}`, e.g. `{setting.ExampleCommand}`."
            : $"It is changed with `{setting.ChangedBy}`, e.g. `{setting.ExampleCommand}`.";
        var lead = string.IsNullOrWhiteSpace(value) || setting.ChangedBy is not null
            ? ""
            : $"`{PracticeCommands.Settings.Words}` only shows settings; nothing was changed. To change this one: `{PracticeCommands.Set.Words} {setting.Key} {SettingValues.Typed(value)}`.\n";
        turn.Reply(new OutboundMessage(
            $"{setting.Label}: {setting.Format(practice)}",
            Card.Of(
                new SectionBlock(lead.Length == 0 ? $"*{setting.Label}* (`{setting.Key}`)" : $"{lead.TrimEnd()}\n*{setting.Label}* (`{setting.Key}`)", [
                    new CardField("Now", setting.Format(practice)),
                ]),
                new ContextBlock([setting.Help, change]))));
    }
}
