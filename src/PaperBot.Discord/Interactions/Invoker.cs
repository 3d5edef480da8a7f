using System.Globalization;
using System.Numerics;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>Who used a command, and where: what the channel commands need to know about the interaction.</summary>
internal sealed record Invoker(string? ChannelId, string? UserId, bool InServer, bool MayManageChannels)
{
    private static readonly BigInteger Administrator = 1 << 3;
    private static readonly BigInteger ManageChannels = 1 << 4;

    /// <summary>
    /// In a server, <c>member.permissions</c> holds the member's permissions in the channel (a decimal bitfield that may
    /// outgrow 64 bits); Manage Channels or Administrator may change the channel's subscription. In a DM there is no member.
    /// </summary>
    public static Invoker Of(InteractionPayload interaction)
    {
        var member = interaction.Member;
        var mayManage = member?.Permissions is { } text &&
                        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions) &&
                        ((permissions & Administrator) != 0 || (permissions & ManageChannels) != 0);
        return new Invoker(interaction.ChannelId, member?.User?.Id ?? interaction.User?.Id, member is not null, mayManage);
    }
}
