namespace PracticeBot.Core.Practices.Onboarding;

/// <summary>The buttons and form inputs of the setup guide (shared by the card and its routes).</summary>
public static class SetupGuideActions
{
    /// <summary>Shows the guide again, with what is done and what is next.</summary>
    public const string Show = "setup.guide";
    /// <summary>Opens the name and time zone form; its value is the channel the bot was added to (<see cref="ChannelValue"/>).</summary>
    public const string Start = "setup.start";
    /// <summary>The name and time zone form's submit: creates the practice.</summary>
    public const string Create = "setup.create";
    /// <summary>Gives the manager a role too; its value is the role's name.</summary>
    public const string TakeRole = "setup.role";
    /// <summary>How to connect a review source, and the practice's webhook secret, privately.</summary>
    public const string Source = "setup.source";
    /// <summary>Opens the posting plan form.</summary>
    public const string Plan = "setup.plan";
    /// <summary>The posting plan form's submit.</summary>
    public const string SavePlan = "setup.plan.save";

    public const string NameInput = "setup_name";
    public const string TimeZoneInput = "setup_timezone";
    public const string PostsInput = "setup_posts";
    public const string NetworksInput = "setup_networks";

    /// <summary>
    /// The channel the bot was added to, carried by the guide's buttons until the practice exists: its id and its team
    /// (Teams), joined by <c>|</c>. Only these travel; everything else of the reference comes from the verified turn.
    /// </summary>
    public static string ChannelValue(Conversation.ConversationReference channel) => $"{channel.ChannelId}|{channel.TeamId}";

    /// <summary>The channel of <see cref="ChannelValue"/> within the workspace of <paramref name="here"/>; null when unreadable.</summary>
    public static Conversation.ConversationReference? ChannelOf(string value, Conversation.ConversationReference here)
    {
        var parts = value.Split('|');
        if (parts.Length != 2 || parts[0].Length is 0 or > 200 || parts[1].Length > 200)
        {
            return null;
        }

        return here with { ChannelId = parts[0], TeamId = parts[1].Length == 0 ? null : parts[1], ThreadId = null };
    }
}
