using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Storage;

public static class ModelWarmUp
{
    /// <summary>
    /// Builds the EF Core model on a pool thread while the host validates its options and starts: the model is the
    /// largest single piece of start-up CPU and nothing before the database initializer needs it, so on two cores it
    /// overlaps work that would otherwise wait for it. EF builds a context type's model once; the initializer waits for
    /// this build rather than starting another. A compiled model would remove the build, but the generator refuses
    /// models with query filters. Failures are left to the initializer, which reports them where they belong.
    /// </summary>
    public static WebApplication WarmUpStorageModel(this WebApplication app)
    {
        _ = Task.Run(() =>
        {
            try
            {
                using var scope = app.Services.CreateScope();
                _ = scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Model;
            }
            catch (Exception)
            {
                // Bad options or a broken model: the start fails on them a moment later, with the key named.
            }
        });
        return app;
    }
}
