using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PracticeBot.Core.Storage;

/// <summary>SQLite cannot compare or order <see cref="DateTimeOffset"/>; UTC ticks compare and order correctly.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
