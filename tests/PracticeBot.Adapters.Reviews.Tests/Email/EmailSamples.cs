using MimeKit;

namespace PracticeBot.Adapters.Reviews.Tests.Email;

/// <summary>The sample alert e-mails under <c>Email/Samples</c>, written for these tests (fictional people and practices).</summary>
public static class EmailSamples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Email", "Samples", name);

    public static MimeMessage Load(string name) => MimeMessage.Load(PathOf(name));
}
