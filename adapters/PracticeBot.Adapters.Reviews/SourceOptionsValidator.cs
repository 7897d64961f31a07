using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Facebook;
using PracticeBot.Adapters.Reviews.Google;
using PracticeBot.Adapters.Reviews.Yelp;

namespace PracticeBot.Adapters.Reviews;

/// <summary>Fails the start with messages that name the <c>Sources:*</c> key to fix.</summary>
public sealed class SourceOptionsValidator :
    IValidateOptions<GoogleSourceOptions>, IValidateOptions<YelpSourceOptions>, IValidateOptions<FacebookSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, GoogleSourceOptions options) => Result(options.Problems());

    public ValidateOptionsResult Validate(string? name, YelpSourceOptions options) => Result(options.Problems());

    public ValidateOptionsResult Validate(string? name, FacebookSourceOptions options) => Result(options.Problems());

    private static ValidateOptionsResult Result(IEnumerable<string> problems) =>
        problems.ToList() is { Count: > 0 } list ? ValidateOptionsResult.Fail(list) : ValidateOptionsResult.Success;
}
