using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// Hostile variations of a body, all drawn from one <see cref="Random"/> so that a case replays exactly from its seed:
/// byte-level damage (bit flips, truncation, invalid UTF-8), JSON damage (fields deleted or retyped, huge strings,
/// deep nesting, duplicate keys, NaN and out-of-range numbers) and form damage (broken escapes, repeated keys).
/// </summary>
public sealed class Mutator(Random random)
{
    private const string Placeholder = "\"__fuzz_placeholder__\"";

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xFF], [0xFE, 0xFF], [0xC0, 0xAF],
        [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82],
    ];

    private static readonly string[] RawNumbers =
    [
        "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "-0", "1E+400", "123456789012345678901234567890", "0.000000000000000000000000000001",
        "01", "1.", ".5", "0x10", "9223372036854775808", "-9223372036854775809", "2147483648", "1e-400", "+1",
    ];

    private static readonly string[] OddText =
    [
        "", " ", "\u0000", "\u202E", "\uFEFF", "\uD83D\uDE00", "\uD800", "\uDFFF", "\r\n", "\t", "<@U0MANAGER1|ann>", "<!channel>", "<#C0REVIEWS1>",
        .. MarkupChecks.Cases,
        "`", "```", "*bold*", "%00", "%", "%zz", "&", "=", "+", "\"", "\\", "'; DROP TABLE reviews; --", "../../etc/passwd", "${jndi:x}", "{{7*7}}",
        "review", "review claim 1", "review reply 1 hi", "practice settings", "posting schedule", "help", "-1", "0", "99999999999999999999",
    ];

    public Random Random => random;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double p) => random.NextDouble() < p;

    public byte[] RandomBytes(int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A string that is mostly printable but may hold anything: controls, surrogates, markup, injections.</summary>
    public string OddString() => random.Next(4) switch
    {
        0 => Pick(OddText),
        1 => new string(Pick(OddText) is { Length: > 0 } s ? s[0] : 'x', random.Next(1, 5000)),
        2 => Pick(OddText) + Pick(OddText) + Pick(OddText),
        _ => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0x3000))),
    };

    public string HugeString(int minLength, int maxLength) => new(Pick("aé😀\u0000 <".ToCharArray()), random.Next(minLength, maxLength));

    /// <summary>One to three rounds of byte-level damage.</summary>
    public byte[] MutateBytes(byte[] input)
    {
        var bytes = new List<byte>(input);
        for (var round = random.Next(1, 4); round > 0; round--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    for (var flips = random.Next(1, 9); flips > 0; flips--)
                    {
                        var i = random.Next(bytes.Count);
                        bytes[i] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at); // truncated
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 256)).ToList());
                    break;
                case 4:
                    bytes.InsertRange(at, Pick(InvalidUtf8));
                    break;
                case 5:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(Pick(["{", "}", "[", "]", "\"", ":", ",", "\\", "%", "&", "=", "+", "\\u", "\\uD800"])));
                    break;
                default:
                    bytes.InsertRange(at, RandomBytes(32));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Invalid UTF-8 at a few places of an otherwise intact body.</summary>
    public byte[] WithInvalidUtf8(byte[] input)
    {
        var bytes = new List<byte>(input);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            bytes.InsertRange(random.Next(bytes.Count + 1), Pick(InvalidUtf8));
        }

        return [.. bytes];
    }

    /// <summary>Structural damage to a JSON document, then (sometimes) damage to its text. Not JSON in: returned as is.</summary>
    public string MutateJson(string json)
    {
        try
        {
            return MutateParsedJson(json);
        }
        catch (ArgumentException)
        {
            return json; // duplicate keys (an earlier round's work) only throw when the tree is walked
        }
    }

    private string MutateParsedJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        if (root is null)
        {
            return json;
        }

        string? raw = null;
        for (var round = random.Next(1, 4); round > 0; round--)
        {
            var (parent, key, index) = PickSlot(root);
            if (parent is null)
            {
                break;
            }

            switch (random.Next(10))
            {
                case 0 or 1:
                    Remove(parent, key, index);
                    break;
                case 2 or 3:
                    Set(parent, key, index, RandomValue());
                    break;
                case 4:
                    Set(parent, key, index, HugeString(1_000, random.Next(2) == 0 ? 20_000 : 300_000));
                    break;
                case 5:
                    Set(parent, key, index, OddString());
                    break;
                case 6:
                    Set(parent, key, index, JsonValue.Create(Placeholder.Trim('"')));
                    raw = Pick(RawNumbers);
                    break;
                case 7:
                    Set(parent, key, index, JsonValue.Create(Placeholder.Trim('"')));
                    raw = DeepNesting();
                    break;
                case 8 when parent is JsonObject obj && key is not null:
                    // The same value under a near-identical name (case, whitespace): lookups must not be confused.
                    var value = obj[key]?.DeepClone();
                    obj.Remove(key);
                    obj[Pick([key.ToUpperInvariant(), " " + key, key + "\u0000", key + key])] = value;
                    break;
                default:
                    if (parent is JsonObject o)
                    {
                        o["fuzz" + random.Next(1000).ToString(CultureInfo.InvariantCulture)] = RandomValue();
                    }

                    break;
            }
        }

        string text;
        try
        {
            text = root.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return json;
        }

        if (raw is not null)
        {
            var at = text.IndexOf(Placeholder, StringComparison.Ordinal);
            text = at < 0 ? text : text.Remove(at, Placeholder.Length).Insert(at, raw);
        }

        return random.Next(4) == 0 ? DuplicateKey(text, root) : text;
    }

    /// <summary>Damage to a form-encoded body: pairs dropped, doubled, emptied, broken escapes, odd values.</summary>
    public string MutateForm(string form)
    {
        var pairs = form.Split('&').ToList();
        for (var round = random.Next(1, 4); round > 0 && pairs.Count > 0; round--)
        {
            var i = random.Next(pairs.Count);
            var eq = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pairs[i] : pairs[i][..eq];
            switch (random.Next(8))
            {
                case 0:
                    pairs.RemoveAt(i);
                    break;
                case 1:
                    pairs.Insert(i, key + "=" + Uri.EscapeDataString(OddString()));
                    break;
                case 2:
                    pairs[i] = key + "=" + Uri.EscapeDataString(OddString());
                    break;
                case 3:
                    pairs[i] = key + "=" + Pick(["%", "%z", "%zz", "%E2%82", "%C3%28", "%FF", "%00", "+%2B+", "%%", "%u0041"]);
                    break;
                case 4:
                    pairs[i] = key; // no '='
                    break;
                case 5:
                    pairs[i] = key + "=" + Uri.EscapeDataString(HugeString(1_000, 50_000));
                    break;
                case 6 when key == "payload" && eq >= 0:
                    pairs[i] = "payload=" + Uri.EscapeDataString(MutateJson(Uri.UnescapeDataString(pairs[i][(eq + 1)..])));
                    break;
                default:
                    pairs.Add(Pick(["=", "&", "==", "payload", "payload=", "command=", "=x", "a=b=c"]));
                    break;
            }
        }

        return string.Join('&', pairs);
    }

    private string DeepNesting()
    {
        var depth = random.Next(2) == 0 ? random.Next(60, 200) : random.Next(1_000, 50_000);
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    private string DuplicateKey(string text, JsonNode root)
    {
        if (root is not JsonObject obj || obj.Count == 0 || !text.StartsWith('{'))
        {
            return text;
        }

        var key = obj.ElementAt(random.Next(obj.Count)).Key;
        var value = RandomValue()?.ToJsonString() ?? "null";
        return "{" + JsonSerializer.Serialize(key) + ":" + value + (text.Length > 2 ? "," : "") + text[1..];
    }

    private JsonNode? RandomValue() => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create(random.NextDouble() * double.MaxValue * (random.Next(2) == 0 ? 1 : -1)),
        4 => JsonValue.Create(OddString()),
        5 => new JsonArray(),
        6 => new JsonObject(),
        7 => new JsonArray(JsonValue.Create(OddString()), JsonValue.Create(1), null, new JsonObject { ["type"] = "x" }),
        _ => JsonValue.Create(long.MaxValue),
    };

    /// <summary>A random place in the tree: a property of an object or an element of an array.</summary>
    private (JsonNode? Parent, string? Key, int Index) PickSlot(JsonNode root)
    {
        var slots = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode node, int depth)
        {
            if (depth > 8 || slots.Count > 500)
            {
                return;
            }

            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        slots.Add((obj, key, -1));
                        if (child is not null)
                        {
                            Walk(child, depth + 1);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add((array, null, i));
                        if (array[i] is { } child)
                        {
                            Walk(child, depth + 1);
                        }
                    }

                    break;
            }
        }

        Walk(root, 0);
        return slots.Count == 0 ? (null, null, -1) : slots[random.Next(slots.Count)];
    }

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (parent is JsonObject obj && key is not null)
        {
            obj.Remove(key);
        }
        else if (parent is JsonArray array && index >= 0 && index < array.Count)
        {
            array.RemoveAt(index);
        }
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj && key is not null)
        {
            obj[key] = value;
        }
        else if (parent is JsonArray array && index >= 0 && index < array.Count)
        {
            array[index] = value;
        }
    }
}
