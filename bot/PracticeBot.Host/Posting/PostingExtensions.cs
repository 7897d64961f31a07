namespace PracticeBot.Host.Posting;

public static class PostingExtensions
{
    /// <summary>Posting's host side: the start-up check of the practices' triggers. Call after <c>AddScheduling</c>.</summary>
    public static WebApplicationBuilder AddPosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<PostingTriggerSync>();
        return builder;
    }
}
