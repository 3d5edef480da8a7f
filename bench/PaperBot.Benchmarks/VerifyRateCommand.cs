using System.Diagnostics;
using System.Globalization;

namespace PaperBot.Benchmarks;

/// <summary>
/// <c>verify-rate [seconds]</c>: how many Ed25519 verifications of the harness's interaction one thread does per second,
/// nothing else (the <see cref="SignatureBenchmarks"/> operation in a plain loop), as the ceiling bench/peers.sh
/// compares the Discord endpoint's req/s with. Pin it to the server's core to compare like with like.
/// </summary>
internal static class VerifyRateCommand
{
    public const string Verb = "verify-rate";

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var signatures = new SignatureBenchmarks();
        signatures.Setup();
        for (var i = 0; i < 2_000; i++)
            signatures.VerifyEd25519(); // warm-up

        var verified = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 500; i++)
            {
                if (!signatures.VerifyEd25519())
                    throw new InvalidOperationException("the benchmark's own signature did not verify");
            }
            verified += 500;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ed25519 verify-only: {verified / clock.Elapsed.TotalSeconds:F0}/s"));
        return 0;
    }
}
