using BenchmarkDotNet.Running;
using PaperBot.Benchmarks;

// The delivery benchmarks are console runs (one iteration as long as the rate limits make it); the rest is BenchmarkDotNet.
if (args.Length > 0 && args[0] == DiscordDeliveryBenchmark.Verb)
    return await DiscordDeliveryBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == SlackFanOutBench.Verb)
    return await SlackFanOutBench.RunAsync(args[1..]);
if (args is [VerifyRateCommand.Verb, .. var verifyArguments])
    return VerifyRateCommand.Run(verifyArguments);
if (args is ["corpus", .. var corpusArguments])
    return CorpusCommand.Run(corpusArguments);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
