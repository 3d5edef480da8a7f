using System.Globalization;

namespace PaperBot.Core.Delivery;

/// <summary>The parts of an edition as posted in one channel.</summary>
public enum ItemKind
{
    /// <summary>The edition's header message.</summary>
    Header,

    /// <summary>One paper's card (a Discord embed, a Slack Block Kit message).</summary>
    Card,

    /// <summary>The discussion thread started from a paper's card (Discord only: in Slack a thread is just replies to the card).</summary>
    Thread,

    /// <summary>One message inside a paper's thread: the abstract may take several.</summary>
    Reply,
}

/// <summary>
/// One item of an edition in a channel: the unit the delivery record claims, sends and remembers.
/// Its text form (<c>header</c>, <c>card:3</c>, <c>thread:3</c>, <c>reply:3:0</c>) is what the database stores and what
/// a platform's idempotency marker (Discord nonce, Slack metadata) is derived from. Items sort in posting order:
/// the header, then each paper's card, its thread and the thread's replies, paper by paper in rank order.
/// </summary>
public readonly record struct ItemKey(ItemKind Kind, int Rank, int Index) : IComparable<ItemKey>
{
    public static ItemKey Header => new(ItemKind.Header, 0, 0);

    public static ItemKey Card(int rank) => new(ItemKind.Card, rank, 0);

    public static ItemKey Thread(int rank) => new(ItemKind.Thread, rank, 0);

    public static ItemKey Reply(int rank, int index) => new(ItemKind.Reply, rank, index);

    /// <summary>The card this item belongs to; for the header, itself.</summary>
    public ItemKey CardOf => Kind == ItemKind.Header ? this : Card(Rank);

    public string Id => Kind switch
    {
        ItemKind.Header => "header",
        ItemKind.Card => "card:" + Rank.ToString(CultureInfo.InvariantCulture),
        ItemKind.Thread => "thread:" + Rank.ToString(CultureInfo.InvariantCulture),
        _ => "reply:" + Rank.ToString(CultureInfo.InvariantCulture) + ":" + Index.ToString(CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string? text, out ItemKey key)
    {
        key = default;
        if (text == "header")
        {
            key = Header;
            return true;
        }
        var parts = (text ?? "").Split(':');
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
            return false;
        switch (parts[0])
        {
            case "card" when parts.Length == 2:
                key = Card(rank);
                return true;
            case "thread" when parts.Length == 2:
                key = Thread(rank);
                return true;
            case "reply" when parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                key = Reply(rank, index);
                return true;
            default:
                return false;
        }
    }

    public static ItemKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"\"{text}\" is not a delivery item.");

    public int CompareTo(ItemKey other)
    {
        if (Kind == ItemKind.Header || other.Kind == ItemKind.Header)
            return (Kind == ItemKind.Header ? 0 : 1).CompareTo(other.Kind == ItemKind.Header ? 0 : 1);
        var byRank = Rank.CompareTo(other.Rank);
        if (byRank != 0)
            return byRank;
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : Index.CompareTo(other.Index);
    }

    public override string ToString() => Id;
}
