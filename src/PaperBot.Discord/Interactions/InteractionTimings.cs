namespace PaperBot.Discord.Interactions;

/// <summary>Discord drops an interaction not answered within 3 s; PaperBot defers well before that.</summary>
internal sealed class InteractionTimings
{
    public TimeSpan DeferAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The interaction token stays valid for 15 minutes; a deferred answer slower than this is given up.</summary>
    public TimeSpan DeferredAnswerLimit { get; init; } = TimeSpan.FromMinutes(14);
}
