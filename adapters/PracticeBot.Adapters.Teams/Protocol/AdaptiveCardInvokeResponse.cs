using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>The HTTP body answering an <c>adaptiveCard/action</c> invoke (Universal Actions): a card or a message.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value);
