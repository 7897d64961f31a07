using System.Text;
using System.Text.Json;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Demo;
using PracticeBot.Host.Hosting;
using PracticeBot.Http;

namespace PracticeBot.Host.LocalChat;

/// <summary>
/// <c>POST /api/local/chat</c>: talk to the bot from a terminal with no chat platform at all. Direct loopback
/// connections only (never through a proxy), and on by default only in local mode. Text in (plain or JSON), the bot's answers out (plain text, or JSON when asked).
/// </summary>
public static partial class LocalChatApi
{
    public const string Path = "/api/local/chat";
    private const int MaxLength = 4000;

    public static WebApplicationBuilder AddLocalChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalChatOptions>()
            .BindConfiguration(LocalChatOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, $"{LocalChatOptions.SectionName}:MaxBodyBytes must be a positive number of bytes (default {LocalChatOptions.DefaultMaxBodyBytes}).")
            .ValidateOnStart()
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
        ILoggerFactory loggers,
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

        var limit = options.Value.MaxBodyBytes;
        var body = await LimitedBody.ReadAsync(http, limit, cancellationToken);
        if (body is null)
        {
            LogTooLarge(loggers.CreateLogger(typeof(LocalChatApi)), limit);
            return LimitedBody.TooLarge(
                $"The message is larger than {limit} bytes ({LocalChatOptions.SectionName}:MaxBodyBytes). Send one command of at most {MaxLength} characters.");
        }

        var request = Read(http.Request.ContentType, body);
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

    private static LocalChatRequest? Read(string? contentType, byte[] body)
    {
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
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

        return new LocalChatRequest(Encoding.UTF8.GetString(body).TrimStart('\uFEFF').Trim());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local chat: a body over {Limit} bytes was refused with 413")]
    private static partial void LogTooLarge(ILogger logger, int limit);
}
