using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;

namespace PaperBot.Storage.Tests.Delivery;

/// <summary>
/// Senders racing for the same deliveries, in one process (several stores on one database) or in several
/// (<see cref="RaceProcess"/>). In each round every sender leases the round's delivery at the same instant and claims its
/// first card, then, once that lease has run out, takes it over and claims the card again.
/// </summary>
internal static class ClaimRace
{
    public static readonly DateTimeOffset Start = new(2026, 1, 8, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static DeliveryKey Key(int round) => new("discord", $"race-{round}", new DateOnly(2026, 1, 8));

    public static async Task<IReadOnlyList<Outcome>> RunRoundAsync(IDeliveryRecord record, string sender, int round)
    {
        var key = Key(round);
        var card = ItemKey.Card(1);
        var outcomes = new List<Outcome>(4);
        var first = await record.TryLeaseAsync(key, sender, "fingerprint", Start, Start + Lease);
        outcomes.Add(new Outcome(round, sender, Step.FirstLease, first is null ? Answer.Refused : Answer.Leased));
        outcomes.Add(new Outcome(round, sender, Step.FirstClaim, Describe(await record.ClaimItemAsync(key, card, sender, Start + TimeSpan.FromSeconds(10)))));
        var takeOverAt = Start + Lease + TimeSpan.FromSeconds(10);
        var second = await record.TryLeaseAsync(key, sender, "fingerprint", takeOverAt, takeOverAt + Lease);
        outcomes.Add(new Outcome(round, sender, Step.TakeOver, second is null ? Answer.Refused : Answer.Leased));
        outcomes.Add(new Outcome(round, sender, Step.SecondClaim, Describe(await record.ClaimItemAsync(key, card, sender, takeOverAt + TimeSpan.FromSeconds(1)))));
        return outcomes;
    }

    /// <summary>Each round: one lease, one take-over, and the card granted as new exactly once, to a sender holding the lease.</summary>
    public static void AssertExactlyOnce(IReadOnlyList<Outcome> outcomes, int rounds, int senders)
    {
        Assert.Equal(rounds * senders * 4, outcomes.Count);
        foreach (var round in outcomes.GroupBy(o => o.Round))
        {
            var said = round.ToList();
            var leases = said.Where(o => o is { Step: Step.FirstLease, Answer: Answer.Leased }).ToList();
            var takeOvers = said.Where(o => o is { Step: Step.TakeOver, Answer: Answer.Leased }).ToList();
            var firstGrants = said.Where(o => o is { Step: Step.FirstClaim, Answer: Answer.GrantedNew or Answer.GrantedAgain }).ToList();
            var secondGrants = said.Where(o => o is { Step: Step.SecondClaim, Answer: Answer.GrantedNew or Answer.GrantedAgain }).ToList();
            var why = $"round {round.Key}:\n{string.Join('\n', said)}";
            Assert.True(leases.Count == 1, $"one sender leases the delivery; {why}");
            Assert.True(takeOvers.Count == 1, $"one sender takes it over; {why}");
            Assert.True(said.Count(o => o.Answer == Answer.GrantedNew) == 1, $"the card is granted as new once; {why}");
            Assert.True(said.All(o => o.Answer != Answer.AlreadySent), $"nothing was sent; {why}");
            // Before the take-over only the first holder may claim (and is first); after it, the new holder always may.
            Assert.True(firstGrants.All(o => o.Sender == leases[0].Sender && o.Answer == Answer.GrantedNew), $"only the first holder claims first; {why}");
            Assert.True(secondGrants.Count == 1 && secondGrants[0].Sender == takeOvers[0].Sender, $"the new holder claims after the take-over; {why}");
        }
    }

    private static Answer Describe(ItemClaim claim) => claim switch
    {
        ItemClaim.Granted { PreviouslyAttempted: false } => Answer.GrantedNew,
        ItemClaim.Granted => Answer.GrantedAgain,
        ItemClaim.AlreadySent => Answer.AlreadySent,
        _ => Answer.LeaseLost,
    };

    public enum Step { FirstLease, FirstClaim, TakeOver, SecondClaim }

    public enum Answer { Leased, Refused, GrantedNew, GrantedAgain, AlreadySent, LeaseLost }

    public sealed record Outcome(int Round, string Sender, Step Step, Answer Answer)
    {
        public override string ToString() => $"{Round} {Sender} {Step} {Answer}";

        public static Outcome Parse(string line)
        {
            var parts = line.Split(' ');
            return new Outcome(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1],
                Enum.Parse<Step>(parts[2]), Enum.Parse<Answer>(parts[3]));
        }
    }
}
