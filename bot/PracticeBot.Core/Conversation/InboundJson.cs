using System.Text.Json;
using System.Text.Unicode;

namespace PracticeBot.Core.Conversation;

/// <summary>
/// A check every adapter runs on an inbound JSON body before reading it. System.Text.Json validates a document's
/// structure when it parses it, but not its text: invalid UTF-8 inside a string, or an escaped lone surrogate
/// (<c>"\uD800"</c>), only throws later, when that string or property name is read, far from any error handling.
/// </summary>
public static class InboundJson
{
    private const int MaxDepth = 64;

    /// <summary>True when <paramref name="utf8"/> is valid UTF-8 and every string and property name in <paramref name="root"/> can be read.</summary>
    public static bool IsReadable(ReadOnlySpan<byte> utf8, JsonElement root) => Utf8.IsValid(utf8) && IsReadable(root, 0);

    /// <summary>True when every string and property name in <paramref name="element"/> can be read.</summary>
    public static bool IsReadable(JsonElement element) => IsReadable(element, 0);

    private static bool IsReadable(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!IsReadable(property.Value, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!IsReadable(item, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
