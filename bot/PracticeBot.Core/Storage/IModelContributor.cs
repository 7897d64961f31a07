using Microsoft.EntityFrameworkCore;

namespace PracticeBot.Core.Storage;

/// <summary>
/// Tables that belong to one chat platform (its install records, its conversation addresses) and not to the core:
/// the platform's adapter configures them here, and <see cref="PracticeBotDb"/> applies each contributor after its
/// own entities. The host lists the contributors once (<c>bot/PracticeBot.Host/Storage/PlatformModels.cs</c>).
/// </summary>
public interface IModelContributor
{
    void Contribute(ModelBuilder model);
}
