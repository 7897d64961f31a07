using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PracticeBot.Core.Storage;

/// <summary>Stores a small value object as JSON text, the same on every provider.</summary>
internal static class JsonColumn
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);

    /// <summary>A list column added to existing rows: their empty text reads as an empty list.</summary>
    public static ValueConverter<List<string>, string> ListOrEmpty() =>
        new(v => JsonSerializer.Serialize(v, Options), s => ReadList(s));

    private static List<string> ReadList(string s) => string.IsNullOrWhiteSpace(s) ? [] : JsonSerializer.Deserialize<List<string>>(s, Options) ?? [];

    /// <summary>Compares by JSON so in-place changes to a mutable value are saved.</summary>
    public static ValueComparer<T> Comparer<T>() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}
