using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Digest;
using PaperBot.Discord;
using PaperBot.Testing;
using PaperBot.Testing.Discord;

namespace PaperBot.Benchmarks;

/// <summary>
/// One edition delivered to many Discord channels at once against the fake in its limit-enforcing mode (global 50/s by
/// arrival, 5 per 5 s per channel or thread), through Core's fan-out and planner and the real Discord client, over loopback
/// HTTP. Reports the time against the least the limits allow for the requests made, the 429s received, and memory.
/// Not a BenchmarkDotNet job: one run takes minutes. <c>dotnet run -c Release --project bench/PaperBot.Benchmarks -- discord-delivery [--channels 1000]</c>
/// </summary>
internal static class DiscordDeliveryBenchmark
{
    public const string Verb = "discord-delivery";

    public static async Task<int> RunAsync(string[] args)
    {
        var channelCount = args.SkipWhile(a => a != "--channels").Skip(1).Select(int.Parse).FirstOrDefault(1000);
        var edition = OriginalEdition();
        await using var discord = await FakeDiscordApi.StartAsync(new FakeDiscordOptions { EnforceRateLimits = true, KeepBodies = false });
        var record = new InMemoryDeliveryRecord();
        await using var services = Services(discord, edition, record);
        var platform = services.GetServices<IDeliveryPlatform>().Single();
        var options = new DeliveryOptions { MaxConcurrentChannels = Math.Max(channelCount, 1) };
        var planner = new DeliveryPlanner(record, options, SenderId.ForThisProcess(), TimeProvider.System, NullLogger<DeliveryPlanner>.Instance);
        var fanOut = new DeliveryFanOut(planner, new RenderedEditions(), [platform], options, NullLogger<DeliveryFanOut>.Instance);
        var channels = Enumerable.Range(0, channelCount).Select(i => (1_200_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var jobs = channels.ConvertAll(c => new DeliveryJob(new ChannelRef("discord", c), edition));

        Console.WriteLine($"Delivering the {edition.Date:yyyy-MM-dd} edition ({edition.Papers.Count} papers) to {channelCount} Discord channels " +
                          $"against the fake (limits enforced: {discord.Rules.GlobalPerSecond}/s global, {discord.Rules.PerChannel} per {discord.Rules.PerChannelWindow.TotalSeconds:0} s per channel)...");
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var delivery = fanOut.DeliverAsync(jobs, CancellationToken.None);
        while (await Task.WhenAny(delivery, Task.Delay(TimeSpan.FromSeconds(30))) != delivery)
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0} s: {discord.Requests.Count} requests, {discord.TooManyRequestsSent} 429s, heap {sampler.PeakHeap / 1048576.0:0} MiB");
        var outcomes = await delivery;
        var elapsed = clock.Elapsed;

        var requests = discord.Requests.Count;
        var perChannelMessages = 1 + edition.Papers.Count;
        var perChannelFloor = TimeSpan.FromSeconds(Math.Ceiling(perChannelMessages / (double)discord.Rules.PerChannel - 1) * discord.Rules.PerChannelWindow.TotalSeconds);
        var globalFloor = TimeSpan.FromSeconds(requests / (double)discord.Rules.GlobalPerSecond);
        var floor = globalFloor > perChannelFloor ? globalFloor : perChannelFloor;
        var delivered = outcomes.Count(o => o is ChannelOutcome.Delivered);
        var complete = channels.Count(c => IsComplete(discord, edition, c));
        var process = Process.GetCurrentProcess();

        Console.WriteLine();
        Console.WriteLine($"channels delivered        {delivered} of {channelCount} (complete and in order in the fake: {complete})");
        Console.WriteLine($"requests                  {requests} ({requests / (double)channelCount:0.0} per channel), messages created {discord.CreatedMessages}, nonce re-sends {discord.DeduplicatedSends}");
        Console.WriteLine($"time                      {elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"floor of the limits       {floor.TotalSeconds:0.0} s (global: {requests} / {discord.Rules.GlobalPerSecond} per s = {globalFloor.TotalSeconds:0.0} s; per channel: {perChannelMessages} messages at {discord.Rules.PerChannel} per {discord.Rules.PerChannelWindow.TotalSeconds:0} s = {perChannelFloor.TotalSeconds:0.0} s)");
        Console.WriteLine($"time / floor              {elapsed / floor:0.000}");
        Console.WriteLine($"429s received             {discord.TooManyRequestsSent} (global {discord.GlobalRateLimitRefusals}, bucket {discord.BucketRateLimitRefusals}); most arrivals in one second: {discord.MaxArrivalsInOneSecond}");
        Console.WriteLine($"peak working set          {process.PeakWorkingSet64 / 1048576.0:0} MiB (bot, fake Discord and the in-memory record in one process)");
        Console.WriteLine($"peak GC heap (sampled)    {sampler.PeakHeap / 1048576.0:0} MiB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB; collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        foreach (var refusal in discord.RateLimitRefusals.Take(10))
            Console.WriteLine($"  429 at {refusal}");
        return delivered == channelCount && complete == channelCount && discord.Violations.Count == 0 ? 0 : 1;
    }

    private static bool IsComplete(FakeDiscordApi discord, Edition edition, string channel)
    {
        var messages = discord.MessagesIn(channel);
        if (messages.Count != 1 + edition.Papers.Count || discord.ThreadsIn(channel).Count != edition.Papers.Count)
            return false;
        return messages.Skip(1).All(card => discord.ThreadOf(card.Id) is { } thread && discord.MessagesIn(thread.Id).Count > 0);
    }

    private static Edition OriginalEdition()
    {
        if (!File.Exists(SharedPaths.OriginalDigest))
            return SampleEditions.Latest;
        var parsed = new MarkdigDigestParser().Parse(Path.GetFileName(SharedPaths.OriginalDigest), File.ReadAllBytes(SharedPaths.OriginalDigest));
        return parsed.IsSuccess ? parsed.Value : SampleEditions.Latest;
    }

    private static ServiceProvider Services(FakeDiscordApi discord, Edition edition, InMemoryDeliveryRecord record)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = "290926444748734465",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = "bench-bot-token.not-a-secret",
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        services.AddSingleton<IEditionArchive>(new InMemoryArchive(edition));
        services.AddSingleton<IDeliveryRecord>(record);
        services.AddSingleton<PapersService>();
        services.AddSingleton(TimeProvider.System);
        services.AddPaperBotDiscord(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The largest GC heap seen, looked at twice a second.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));

        public long PeakHeap
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
