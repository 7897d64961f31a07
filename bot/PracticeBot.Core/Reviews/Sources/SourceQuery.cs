using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>What a poll asks a source: the reviews of this practice changed since the cursor it returned last time.</summary>
/// <param name="Cursor">Opaque to the core: what the source returned last time, or null on the first sync.</param>
/// <param name="Connected">
/// The location and credential a manager connected from chat; when set it is the practice's only location of the source,
/// read with its own credential instead of the configuration's.
/// </param>
public sealed record SourceQuery(Practice Practice, string? Cursor, ConnectedAccount? Connected = null);
