using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>What the endpoint sends back: an interaction response, autocomplete choices, or a 400 with a short reason.</summary>
internal readonly record struct InteractionReply(
    InteractionResponsePayload? Response,
    AutocompleteResponsePayload? Choices,
    string? BadRequest)
{
    public static InteractionReply Message(MessagePayload message) =>
        new(new InteractionResponsePayload { Type = InteractionCallbackType.ChannelMessage, Data = message }, null, null);

    private static readonly InteractionReply DeferredPublicly =
        new(new InteractionResponsePayload { Type = InteractionCallbackType.DeferredChannelMessage }, null, null);

    private static readonly InteractionReply DeferredPrivately =
        new(new InteractionResponsePayload
        {
            Type = InteractionCallbackType.DeferredChannelMessage,
            Data = new MessagePayload { Flags = MessageFlags.Ephemeral },
        }, null, null);

    public static InteractionReply Deferred(bool isPublic) => isPublic ? DeferredPublicly : DeferredPrivately;

    public static InteractionReply Autocomplete(AutocompleteResponsePayload choices) => new(null, choices, null);

    public static InteractionReply Invalid(string reason) => new(null, null, reason);
}
