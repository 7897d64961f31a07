using BenchmarkDotNet.Running;
using PracticeBot.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(TriageBenchmarks).Assembly).Run(args);
