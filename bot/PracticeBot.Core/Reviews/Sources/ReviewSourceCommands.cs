using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Reviews.Sources.Connections;
using static PracticeBot.Core.Conversation.Commands.CommandParam;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>The review-source commands: one declaration each.</summary>
public static class ReviewSourceCommands
{
    public static readonly CommandSpec Sources = CommandSpec.Declare<ShowSources>(
        CommandCatalog.PracticeRoot, "sources", "", "Review sources and when they last synced.", Access.Managers, [], readOnly: true,
        details: "Each source with its account, status, last sync and review count, and what to do when one fails.");

    public static readonly CommandSpec Connect = CommandSpec.Declare<ConnectSource>(
        CommandCatalog.PracticeRoot, "connect", "google | facebook | yelp <business-id>", "Connect a review source to this practice.", Access.Managers,
        [Required("source", ParamKind.Choice, "google", "facebook", "yelp"), OptionalOf("id", ParamKind.Text)], mutates: true,
        details: "Google and Facebook: a private sign-in link; afterwards you pick the practice's own location or page from the buttons I send you. Yelp: the business id.");

    public static readonly CommandSpec Disconnect = CommandSpec.Declare<DisconnectSource>(
        CommandCatalog.PracticeRoot, "disconnect", "<source>", "Disconnect a review source and revoke its credential.", Access.Managers,
        [Required("source", ParamKind.Choice, "google", "facebook", "yelp")], mutates: true,
        details: "The credential is deleted and revoked at the provider; reviews already here stay.");

    public static readonly IReadOnlyList<CommandSpec> All = [Sources, Connect, Disconnect];
}
