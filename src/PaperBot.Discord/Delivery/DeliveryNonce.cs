using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Delivery;

/// <summary>
/// The nonce of an item's create-message request: the same for every send of (edition, channel, item), different for any
/// other, and within the 25 characters Discord allows. With <c>enforce_nonce</c> Discord answers a re-send (after a timeout,
/// a 5xx or a crash) with the message it already created.
/// </summary>
internal static class DeliveryNonce
{
    public const int Length = 25;

    public static string For(DeliveryKey delivery, ItemKey item)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{EditionDates.ToText(delivery.Date)}/{delivery.Channel}/{item.Id}"));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>The body as sent to one channel: the shared rendering with this channel's nonce, enforced.</summary>
    public static MessagePayload Apply(MessagePayload message, string nonce) => new()
    {
        Content = message.Content,
        Embeds = message.Embeds,
        Components = message.Components,
        AllowedMentions = message.AllowedMentions,
        Flags = message.Flags,
        Nonce = nonce,
        EnforceNonce = true,
    };
}
