using BenchmarkDotNet.Running;
using PaperBot.Benchmarks;

if (args is ["corpus", .. var corpusArguments])
    return CorpusCommand.Run(corpusArguments);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
