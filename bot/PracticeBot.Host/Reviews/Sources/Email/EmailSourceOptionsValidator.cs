using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Email;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Host.Reviews.Sources.Email;

/// <summary>
/// Fails the start on a <c>Sources:Email</c> mistake, naming the key. A practice slug given alert addresses must also be
/// owned by a workspace (<c>Sources:Workspaces:&lt;slug&gt;</c>), so no stranger's <c>practice setup</c> can take the slug
/// and, with it, the practice's forwarded alerts.
/// </summary>
public sealed class EmailSourceOptionsValidator(IOptions<SourceWorkspacesOptions> workspaces) : IValidateOptions<EmailSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailSourceOptions options)
    {
        var problems = options.Problems().ToList();
        problems.AddRange(options.Practices.Keys
            .Where(slug => !workspaces.Value.Workspaces.ContainsKey(slug))
            .Select(slug => $"{EmailSourceOptions.SectionName}:Practices:{slug} needs {SourceWorkspacesOptions.SectionName}:{slug} (slack:<team id> or teams:<tenant id>), the workspace that owns the practice."));
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
