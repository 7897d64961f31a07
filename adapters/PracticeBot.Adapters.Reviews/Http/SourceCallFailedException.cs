namespace PracticeBot.Adapters.Reviews.Http;

/// <summary>A call to a source that cannot succeed now (no token, no budget); its message is safe to show managers.</summary>
public sealed class SourceCallFailedException(string message) : Exception(message);
