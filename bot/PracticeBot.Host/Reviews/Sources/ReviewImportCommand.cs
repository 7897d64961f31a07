using Microsoft.Extensions.Options;
using PracticeBot.Host.Storage;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// <c>dotnet run --project bot/PracticeBot.Host -- import-reviews FILE --practice NAME</c>: imports a review CSV (layout
/// in docs/review-sources.md) with a progress bar and a summary, then exits. Exit codes: 0 all
/// lines imported, 3 some lines skipped (listed), 2 bad arguments or file, 1 configuration incomplete.
/// </summary>
public static class ReviewImportCommand
{
    public const string Verb = "import-reviews";
    private const string Usage = "Usage: import-reviews FILE --practice NAME   (NAME: the practice's name or its id from `practice settings`)";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var practiceIndex = Array.IndexOf(args, "--practice");
        var practiceName = practiceIndex > 0 && practiceIndex + 1 < args.Length ? args[practiceIndex + 1] : null;
        if (file is null || string.IsNullOrWhiteSpace(practiceName) || file == practiceName)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"There is no file {file}.");
            return 2;
        }

        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("PracticeBot cannot start, its configuration is incomplete:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }

            return 1;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(stop.Token);
        var importer = new ReviewImporter(app.Services.GetRequiredService<IServiceScopeFactory>());
        if (await importer.FindPracticeAsync(practiceName, stop.Token) is not { } practice)
        {
            await Console.Error.WriteLineAsync($"There is no practice '{practiceName}'. Use its name or its id from `practice settings`.");
            return 2;
        }

        await using var stream = File.OpenRead(file);
        using var reader = new StreamReader(stream);
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(reader, practice, Path.GetFileName(file), lines => Progress(stream, lines), stop.Token);
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported: {ex.Message}.");
            return 2;
        }

        Console.Error.WriteLine();
        Console.WriteLine($"{practice.Name}: {report.Lines:N0} lines read — {report.Created:N0} imported, {report.Updated:N0} updated, " +
                          $"{report.Unchanged:N0} already there, {report.Skipped.Count:N0} skipped.");
        foreach (var (line, reason) in report.Skipped)
        {
            Console.WriteLine($"  line {line}: {reason}");
        }

        return report.Skipped.Count == 0 ? 0 : 3;
    }

    private static void Progress(FileStream stream, int lines)
    {
        var share = stream.Length == 0 ? 1 : (double)stream.Position / stream.Length;
        var filled = (int)(share * 30);
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {share:P0} {lines:N0} lines");
    }
}
