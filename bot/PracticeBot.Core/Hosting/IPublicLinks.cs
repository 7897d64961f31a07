namespace PracticeBot.Core.Hosting;

/// <summary>
/// Links in chat to the bot's own web pages (the calendar feed, the dashboard's sign-in link), made from the one
/// <c>PublicBaseUrl</c> setting. Without it a link is the bare path, which the reader has to put after the bot's address.
/// </summary>
public interface IPublicLinks
{
    /// <param name="pathAndQuery">Starts with <c>/</c>.</param>
    string To(string pathAndQuery);
}
