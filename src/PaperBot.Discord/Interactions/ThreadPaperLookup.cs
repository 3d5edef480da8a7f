using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// The paper whose thread an interaction came from. A thread started from a message has that message's id,
/// so the record finds the posting by either id.
/// </summary>
internal sealed class ThreadPaperLookup(IDeliveryRecord record, IEditionArchive archive)
{
    public async Task<PaperRef?> FindAsync(string? channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId))
            return null;
        var delivery = await record.FindPostedPaperAsync(DiscordPlatform.Name, channelId, cancellationToken);
        if (delivery is null)
            return null;
        var edition = await archive.GetEditionAsync(delivery.Date, cancellationToken);
        var paper = edition?.PaperAtRank(delivery.Rank);
        return paper is null ? null : new PaperRef(delivery.Date, paper);
    }
}
