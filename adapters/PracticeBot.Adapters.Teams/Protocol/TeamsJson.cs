using System.Text.Json;
using System.Text.Json.Serialization;

namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>How activities are read and written: camelCase, case-insensitive on read, nulls left out.</summary>
public static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
