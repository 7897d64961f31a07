using PracticeBot.Adapters.Reviews.Email.Storage;
using PracticeBot.Adapters.Slack.Storage;
using PracticeBot.Adapters.Teams.Storage;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Storage;

/// <summary>
/// The one list of the chat platforms' own tables in the bot's database, applied by both provider contexts (and so
/// by their migrations and the design-time factories). A new platform with tables of its own adds its model here.
/// </summary>
public static class PlatformModels
{
    public static IReadOnlyList<IModelContributor> All { get; } = [new SlackModel(), new TeamsModel(), new EmailModel()];
}
