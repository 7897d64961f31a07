using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PracticeBot.Testing;

/// <summary>
/// The real host under test. Every test factory is this plus what it wires: its settings go in as configuration (as
/// <c>dotnet run</c> would read them), logs stay at Warning unless it says otherwise, and its test services come last.
/// </summary>
/// <typeparam name="TEntryPoint">The host's <c>Program</c>.</typeparam>
public abstract class PracticeBotFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>The configuration the host starts with; a key given twice takes the later value.</summary>
    protected abstract IEnumerable<KeyValuePair<string, string?>> Settings();

    protected virtual void ConfigureLogging(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    /// <summary>Replaces or adds services after the host's own registrations (fakes, recorders, exporters).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(ConfigureLogging);
        builder.ConfigureTestServices(ConfigureTestServices);
    }
}
