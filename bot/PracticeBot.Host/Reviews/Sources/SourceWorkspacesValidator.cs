using Microsoft.Extensions.Options;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>Fails the start on a <c>Sources:Workspaces:&lt;slug&gt;</c> value that names no workspace, naming the key.</summary>
public sealed class SourceWorkspacesValidator : IValidateOptions<SourceWorkspacesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceWorkspacesOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
