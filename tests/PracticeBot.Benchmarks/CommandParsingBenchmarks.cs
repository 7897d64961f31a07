using BenchmarkDotNet.Attributes;
using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Benchmarks;

/// <summary>The parser runs on every chat turn before routing.</summary>
[MemoryDiagnoser]
public class CommandParsingBenchmarks
{
    [Benchmark(Baseline = true)]
    public CommandParseResult ListReviews() => CommandParser.Parse("review", "");

    [Benchmark]
    public CommandParseResult ClaimWithMention() => CommandParser.Parse("review", "claim 12 <@U024BE7LH|Ann Lee>");

    [Benchmark]
    public CommandParseResult ReplyWithText() =>
        CommandParser.Parse("review", "reply 12 Thank you for taking the time to share this. We'd like to hear more: please call our office manager.");

    [Benchmark]
    public CommandParseResult PracticeSetup() => CommandParser.Parse("practice", "setup \"Sunrise Family Medicine\" America/Chicago");
}
