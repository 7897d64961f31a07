using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>What a poll asks a source: the reviews of this practice changed since the cursor it returned last time.</summary>
/// <param name="Cursor">Opaque to the core: what the source returned last time, or null on the first sync.</param>
public sealed record SourceQuery(Practice Practice, string? Cursor);
