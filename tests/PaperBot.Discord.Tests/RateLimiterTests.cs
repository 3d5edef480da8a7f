using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Discord.Rest;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>The limiter on a fake clock: what it lets through, when, and in what order.</summary>
public sealed class RateLimiterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero));
    private readonly DiscordRateLimiter _limiter;

    // More connection slots than requests here, so only the global gate holds them back.
    public RateLimiterTests() => _limiter = new DiscordRateLimiter(_time, new DiscordRestTimings { MaxConcurrentRequests = 200 });

    [Fact]
    public async Task The_global_gate_spaces_requests_and_a_request_holds_its_place_until_a_second_after_its_answer()
    {
        var waiting = Enumerable.Range(0, 120).Select(i => _limiter.AcquireAsync(Route(i), CancellationToken.None)).ToList();

        Assert.InRange(_limiter.GlobalGranted, 1, 3); // a small burst, then evenly spaced
        Advance(TimeSpan.FromMilliseconds(500));
        Assert.InRange(_limiter.GlobalGranted, 24, 28);
        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(50, _limiter.GlobalGranted); // none answered: 50 may still arrive, so no more go

        var leases = new List<DiscordRateLimiter.RateLimitLease>();
        foreach (var admission in waiting.Take(50))
            leases.Add((await admission.WaitAsync(Patience)).Lease!);
        foreach (var lease in leases)
        {
            lease.Complete(Headers());
            lease.Dispose();
        }
        Advance(TimeSpan.FromMilliseconds(990));
        Assert.Equal(50, _limiter.GlobalGranted);
        Advance(TimeSpan.FromMilliseconds(30));
        Assert.InRange(_limiter.GlobalGranted, 51, 53);
        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(100, _limiter.GlobalGranted);
        // First come, first served.
        foreach (var task in waiting.Take(100))
            Assert.NotNull((await task.WaitAsync(Patience)).Lease);
        Assert.All(waiting.Skip(100), task => Assert.False(task.IsCompleted));
    }

    [Fact]
    public async Task A_bucket_not_known_yet_lets_one_request_through_then_follows_what_the_answer_says()
    {
        var route = DiscordRoute.CreateMessage("1100000000000000001");
        var first = (await _limiter.AcquireAsync(route, CancellationToken.None)).Lease!;
        var second = _limiter.AcquireAsync(route, CancellationToken.None);
        Assert.Equal(1, _limiter.WaitingFor(route));

        first.Complete(Headers(limit: 2, remaining: 1, resetAfter: 5, bucket: "abc"));
        first.Dispose();
        var secondLease = (await second.WaitAsync(Patience)).Lease!;
        var third = _limiter.AcquireAsync(route, CancellationToken.None);
        Assert.Equal(1, _limiter.WaitingFor(route)); // the window's two are spent

        secondLease.Complete(Headers(limit: 2, remaining: 0, resetAfter: 5, bucket: "abc"));
        secondLease.Dispose();
        Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, _limiter.WaitingFor(route));
        Advance(TimeSpan.FromSeconds(0.2));
        Assert.NotNull((await third.WaitAsync(Patience)).Lease);
        Assert.Equal(0, _limiter.WaitingFor(route));
    }

    [Fact]
    public async Task Routes_Discord_names_the_same_bucket_share_its_limit()
    {
        var create = DiscordRoute.CreateMessage("1100000000000000001");
        var edit = DiscordRoute.EditMessage("1100000000000000001", "1300000000000000001");
        await CompleteAsync(create, Headers(limit: 2, remaining: 1, resetAfter: 5, bucket: "shared"));
        await CompleteAsync(edit, Headers(limit: 2, remaining: 0, resetAfter: 5, bucket: "shared"));

        var next = _limiter.AcquireAsync(create, CancellationToken.None);

        Assert.Equal(1, _limiter.WaitingFor(create));
        Advance(TimeSpan.FromSeconds(5.1));
        Assert.NotNull((await next.WaitAsync(Patience)).Lease);
    }

    [Fact]
    public async Task A_global_429_pauses_every_route_until_retry_after_has_passed()
    {
        var one = DiscordRoute.CreateMessage("1100000000000000001");
        await CompleteAsync(one, Headers());
        Advance(TimeSpan.FromSeconds(1));
        var granted = _limiter.GlobalGranted;

        _limiter.Blocked(one, global: true, TimeSpan.FromSeconds(2));
        var other = _limiter.AcquireAsync(DiscordRoute.CreateMessage("1100000000000000002"), CancellationToken.None);
        Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(granted, _limiter.GlobalGranted);
        Advance(TimeSpan.FromSeconds(0.2));
        Assert.NotNull((await other.WaitAsync(Patience)).Lease);
        Assert.Equal(granted + 1, _limiter.GlobalGranted);
    }

    [Fact]
    public async Task A_bucket_spent_for_longer_than_patience_is_not_waited_for()
    {
        var route = DiscordRoute.ModifyChannel("1300000000000000001");
        _limiter.Blocked(route, global: false, TimeSpan.FromMinutes(9));

        var admission = await _limiter.AcquireAsync(route, CancellationToken.None);

        Assert.Null(admission.Lease);
        Assert.InRange(admission.TooLong, TimeSpan.FromMinutes(8.9), TimeSpan.FromMinutes(9));
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_next_one_goes_in_its_place()
    {
        var route = DiscordRoute.CreateMessage("1100000000000000001");
        var first = (await _limiter.AcquireAsync(route, CancellationToken.None)).Lease!;
        using var cancel = new CancellationTokenSource();
        var cancelled = _limiter.AcquireAsync(route, cancel.Token);
        var next = _limiter.AcquireAsync(route, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, _limiter.WaitingFor(route));
        first.Complete(Headers(limit: 5, remaining: 4, resetAfter: 5));
        first.Dispose();

        Assert.NotNull((await next.WaitAsync(Patience)).Lease);
    }

    private async Task CompleteAsync(DiscordRoute route, HttpResponseHeaders headers)
    {
        using var lease = (await _limiter.AcquireAsync(route, CancellationToken.None).WaitAsync(Patience)).Lease!;
        lease.Complete(headers);
    }

    /// <summary>Moves the clock in small steps, as a real one would, so each timer fires when it is due.</summary>
    private void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
            _time.Advance(step);
    }

    private static DiscordRoute Route(int i) => DiscordRoute.CreateMessage((1_100_000_000_000_000_000L + i).ToString());

    private static HttpResponseHeaders Headers(int? limit = null, int? remaining = null, double? resetAfter = null, string? bucket = null)
    {
        var headers = new HttpResponseMessage().Headers;
        if (limit is { } l)
            headers.Add("X-RateLimit-Limit", l.ToString());
        if (remaining is { } r)
            headers.Add("X-RateLimit-Remaining", r.ToString());
        if (resetAfter is { } a)
            headers.Add("X-RateLimit-Reset-After", a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (bucket is not null)
            headers.Add("X-RateLimit-Bucket", bucket);
        return headers;
    }
}
