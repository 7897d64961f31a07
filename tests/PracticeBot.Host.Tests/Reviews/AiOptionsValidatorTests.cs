using PracticeBot.Host.Reviews.Suggestions;

namespace PracticeBot.Host.Tests.Reviews;

public sealed class AiOptionsValidatorTests
{
    [Theory]
    [InlineData(null, null, null, "00:00:10")]
    [InlineData("https://api.openai.com/v1", "gpt-4o-mini", "sk-x", "00:00:10")]
    [InlineData("http://127.0.0.1:11434/v1", "llama3.1", null, "00:00:12")]
    [InlineData("http://localhost:11434/v1", "llama3.1", null, "00:00:05")]
    public void Validate_CompleteOrAbsent_Succeeds(string? endpoint, string? model, string? key, string timeout)
    {
        var options = new AiOptions { Endpoint = endpoint, Model = model, ApiKey = key, Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new AiOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, "gpt-4o-mini", "00:00:10", "AI:Endpoint is missing")]
    [InlineData("https://api.openai.com/v1", null, "00:00:10", "AI:Model is missing")]
    [InlineData("api.openai.com", "gpt-4o-mini", "00:00:10", "AI:Endpoint must be an absolute http(s) URL")]
    [InlineData("http://models.example.com/v1", "gpt-4o-mini", "00:00:10", "AI:Endpoint must use https")]
    [InlineData("https://api.openai.com/v1", "gpt-4o-mini", "00:00:20", "AI:Timeout must be")]
    [InlineData("https://api.openai.com/v1", "gpt-4o-mini", "00:00:00", "AI:Timeout must be")]
    public void Validate_IncompleteOrUnsafe_FailsNamingTheKey(string? endpoint, string? model, string timeout, string message)
    {
        var options = new AiOptions { Endpoint = endpoint, Model = model, Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new AiOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }
}
