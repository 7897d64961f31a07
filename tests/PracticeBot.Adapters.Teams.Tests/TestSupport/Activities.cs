using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>Teams activities as Teams sends them, for a team channel of one tenant.</summary>
public static class Activities
{
    public const string Tenant = "tenant-1";
    public const string Team = "19:team-general@thread.tacv2";
    public const string Channel = "19:team-general@thread.tacv2";
    public const string BotId = "28:" + TestTokens.AppId;
    public const string AnnId = "29:ann";

    private static int _counter;

    public static JsonObject Message(string serviceUrl, string text, string userId = AnnId, string userName = "Ann Lee") => Base("message", serviceUrl, userId, userName, text);

    public static JsonObject CardAction(string serviceUrl, string verb, string value, string replyToId, string userId = AnnId)
    {
        var activity = Base("invoke", serviceUrl, userId, "Ann Lee");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["value"] = value } },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static JsonObject BotAdded(string serviceUrl)
    {
        var activity = Base("conversationUpdate", serviceUrl, AnnId, "Ann Lee");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    public static HttpRequestMessage Post(JsonObject activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static JsonObject Base(string type, string serviceUrl, string userId, string userName, string? text = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"in-{Interlocked.Increment(ref _counter)}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = "aad-" + userId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PracticeBot" },
            ["conversation"] = new JsonObject { ["id"] = Channel, ["conversationType"] = "channel", ["tenantId"] = Tenant },
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["team"] = new JsonObject { ["id"] = Team, ["name"] = "Front office" },
                ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "General" },
            },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        return activity;
    }
}
