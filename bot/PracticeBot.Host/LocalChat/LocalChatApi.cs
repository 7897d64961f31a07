using System.Text.Json;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Demo;
using PracticeBot.Host.Hosting;

namespace PracticeBot.Host.LocalChat;

/// <summary>
/// <c>POST /api/local/chat</c>: talk to the bot from a terminal with no chat platform at all. Direct loopback
/// connections only (never through a proxy), and on by default only in local mode. Text in (plain or JSON), the bot's answers out (plain text, or JSON when asked).
/// </summary>
public static class LocalChatApi
{
    public const string Path = "/api/local/chat";
    private const int MaxLength = 4000;

    public static WebApplicationBuilder AddLocalChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalChatOptions>()
            .Configure<IConfiguration, PlatformMode>((o, configuration, mode) =>
                o.Enabled = configuration.GetValue<bool?>($"{LocalChatOptions.SectionName}:Enabled") ?? mode.LocalMode);
        return builder;
    }

    public static WebApplication MapLocalChat(this WebApplication app)
    {
        app.MapPost(Path, Chat);
        return app;
    }

    private static async Task<IResult> Chat(
        HttpContext http,
        BotDispatcher dispatcher,
        Microsoft.Extensions.Options.IOptions<LocalChatOptions> options,
        CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        if (PracticeBot.Adapters.Teams.Auth.LocalRequest.RefusalOf(http) is { } notLocal)
        {
            return Results.Json(new { error = notLocal }, statusCode: StatusCodes.Status403Forbidden);
        }

        var request = await ReadAsync(http.Request, cancellationToken);
        if (request is null || string.IsNullOrWhiteSpace(request.Text))
        {
            return Results.BadRequest(new { error = "Send the text of a command as the body, for example: help" });
        }

        if (request.Text.Length > MaxLength)
        {
            return Results.BadRequest(new { error = $"A message can be at most {MaxLength} characters." });
        }

        var user = new ChatUser(request.User ?? DemoPractice.ManagerUserId, request.Name ?? request.User ?? "You");
        var conversation = new ConversationReference(Platforms.Local, DemoPractice.WorkspaceId, request.Channel ?? DemoPractice.ChannelId);
        var result = await dispatcher.DispatchAsync(new MessageReceived(conversation, user, request.Text), cancellationToken);

        if (http.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Results.Ok(new
            {
                correlationId = result.CorrelationId,
                replies = result.Replies.Select(r => new { text = PlainTextRenderer.Render(r.Message), inChannel = r.InChannel, message = r.Message }),
            });
        }

        return Results.Text(string.Join("\n\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message))) + "\n", "text/plain; charset=utf-8");
    }

    private static async Task<LocalChatRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonSerializer.Deserialize<LocalChatRequest>(body, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return new LocalChatRequest(body.Trim());
    }
}
