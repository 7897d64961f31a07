namespace PracticeBot.Core.Conversation.Commands;

/// <summary>A command that parsed: which one, and its typed arguments by parameter name.</summary>
public sealed record CommandInvocation(CommandSpec Spec, IReadOnlyDictionary<string, object> Values)
{
    public string RouteName => Spec.RouteName;

    public bool Has(string name) => Values.ContainsKey(name);

    public T Get<T>(string name) =>
        Values.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw new KeyNotFoundException($"'{Spec.RouteName}' has no argument '{name}' of type {typeof(T).Name}.");

    public T? Find<T>(string name)
        where T : class =>
        Values.TryGetValue(name, out var value) ? value as T : null;

    public int ReviewNumber(string name = "id") => Get<int>(name);

    public string? Text(string name) => Find<string>(name);
}
