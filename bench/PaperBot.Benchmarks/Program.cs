using BenchmarkDotNet.Running;
using PaperBot.Benchmarks;

if (args.Length > 0 && args[0] == DiscordDeliveryBenchmark.Verb)
    return await DiscordDeliveryBenchmark.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
