using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Slack;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Benchmarks;

/// <summary>
/// One edition delivered to many Slack channels at once through the real delivery path (Core's fan-out and planner, the
/// Slack platform and client over loopback HTTP) against the fake Slack in its limit mode: one chat.postMessage per second
/// per channel, HTTP 429 beyond it. Reports the time against the least time that limit allows (the busiest channel's
/// messages, one a second), the 429s received and the peak memory, and checks every channel got every item once, in order.
/// A console mode rather than a BenchmarkDotNet job: one iteration takes as long as the limit makes it.
/// </summary>
internal static class SlackFanOutBench
{
    public const string Verb = "slack-fanout";

    public static async Task<int> RunAsync(string[] args)
    {
        var channelCount = 1000;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--channels" && !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out channelCount))
            {
                Console.Error.WriteLine($"--channels \"{args[i + 1]}\" is not a number of channels.");
                return 2;
            }
        }
        if (channelCount < 1)
        {
            Console.Error.WriteLine("--channels needs at least 1.");
            return 2;
        }

        await using var slack = await FakeSlackApi.StartAsync(new FakeSlackOptions
        {
            EnforceMessageRate = true, KeepBodies = false, RecordCalls = false, ValidateRequests = false,
        });
        var channels = Enumerable.Range(1, channelCount).Select(i => $"C{i:D9}").ToList();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "bench-signing-secret",
            ["Slack:BotToken"] = "xoxb-bench.fake",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:Channels"] = string.Join(',', channels),
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddPaperBotSlack(configuration)
            .BuildServiceProvider();
        var platform = services.GetRequiredService<IDeliveryPlatform>();
        var options = new DeliveryOptions { MaxConcurrentChannels = channelCount };
        var planner = new DeliveryPlanner(new InMemoryDeliveryRecord(), options, SenderId.ForThisProcess(), TimeProvider.System, NullLogger<DeliveryPlanner>.Instance);
        var fanOut = new DeliveryFanOut(planner, new RenderedEditions(), [platform], options, NullLogger<DeliveryFanOut>.Instance);

        var edition = SampleEditions.Latest;
        var expected = RenderedEditions.Render(platform, edition).Items.Select(i => i.Key.Id).ToList();
        var jobs = channels.ConvertAll(c => new DeliveryJob(new ChannelRef("slack", c), edition));

        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var outcomes = await fanOut.DeliverAsync(jobs, CancellationToken.None);
        var elapsed = clock.Elapsed;
        memory.Stop();

        var delivered = outcomes.Count(o => o is ChannelOutcome.Delivered);
        var exact = channels.Count(c => slack.ItemsIn(c).SequenceEqual(expected));
        var busiest = channels.Max(c => slack.AllMessagesIn(c).Count);
        var floor = TimeSpan.FromSeconds(busiest);
        var posts = slack.CallCount("chat.postMessage");

        Console.WriteLine($"Slack fan-out: {channelCount} channels, {expected.Count} messages each (one edition), fake Slack allowing 1 message/s/channel");
        Console.WriteLine($"  delivered            {delivered} of {channelCount} channels; every item exactly once, in order, in {exact} of {channelCount}");
        Console.WriteLine($"  messages             {channels.Sum(c => slack.AllMessagesIn(c).Count)} in the channels, {posts} chat.postMessage calls, " +
                          $"{slack.CallCount("conversations.history") + slack.CallCount("conversations.replies")} look-ups");
        Console.WriteLine($"  total time           {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  rate-limit floor     {floor.TotalSeconds:0.00} s ({busiest} messages in the busiest channel × 1 s)");
        Console.WriteLine($"  time / floor         {elapsed / floor:0.000}× (goal ≤ 1.15×); the first message of a channel needs no wait, so {busiest - 1} s is the strict least");
        Console.WriteLine($"  HTTP 429 received    {slack.RateLimitedResponses}");
        Console.WriteLine($"  peak memory          {memory.PeakWorkingSetMiB:0.0} MiB working set, {memory.PeakManagedMiB:0.0} MiB managed heap (bot and fake Slack in one process)");
        return delivered == channelCount && exact == channelCount ? 0 : 1;
    }

    /// <summary>The process's highest working set and managed heap, sampled every 50 ms while the delivery runs.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peakWorkingSet;
        private long _peakManaged;

        public PeakMemory() => _sampling = SampleAsync();

        public double PeakWorkingSetMiB => Math.Max(_peakWorkingSet, Process.GetCurrentProcess().PeakWorkingSet64) / 1048576.0;

        public double PeakManagedMiB => _peakManaged / 1048576.0;

        private async Task SampleAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            try
            {
                do
                {
                    using var process = Process.GetCurrentProcess();
                    _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
                    _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false));
                }
                while (await timer.WaitForNextTickAsync(_stop.Token));
            }
            catch (OperationCanceledException)
            {
            }
        }

        public void Stop()
        {
            _stop.Cancel();
            _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
