using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Text;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>Choices for the focused <c>paper</c>, <c>date</c> or <c>timezone</c> option: at most 25, dates newest first, zones by the typed prefix.</summary>
internal sealed class AutocompleteResponder(PapersService papers)
{
    public async Task<AutocompleteResponsePayload> RespondAsync(InteractionDataPayload? data, CancellationToken cancellationToken)
    {
        var options = SlashCommandReader.Subcommand(data)?.Options;
        var focused = Focused(options);
        IReadOnlyList<Suggestion> suggestions = focused?.Name switch
        {
            "paper" => await papers.SuggestPapersAsync(focused.Value ?? "", ChosenDate(options), cancellationToken),
            "date" => await papers.SuggestDatesAsync(focused.Value ?? "", cancellationToken),
            "timezone" => LocalTimes.SuggestZones(focused.Value ?? "", DiscordLimits.Choices).Select(zone => new Suggestion(zone, zone)).ToList(),
            _ => [],
        };
        var choices = new List<ChoicePayload>(Math.Min(suggestions.Count, DiscordLimits.Choices));
        foreach (var suggestion in suggestions)
        {
            if (choices.Count == DiscordLimits.Choices)
                break;
            choices.Add(new ChoicePayload(TextLimits.Truncate(suggestion.Label, DiscordLimits.ChoiceName), FitValue(suggestion.Value)));
        }
        return new AutocompleteResponsePayload { Data = new AutocompleteChoicesPayload([.. choices]) };
    }

    private static InteractionOptionPayload? Focused(IReadOnlyList<InteractionOptionPayload>? options)
    {
        if (options is null)
            return null;
        foreach (var option in options)
        {
            if (option.Focused == true)
                return option;
        }
        return null;
    }

    private static DateOnly? ChosenDate(IReadOnlyList<InteractionOptionPayload>? options)
    {
        var date = SlashCommandReader.ReadDate(SlashCommandReader.Value(options, "date"));
        return date.IsSuccess ? date.Value : null;
    }

    /// <summary>A value goes back to PaperBot as typed text, so it is cut between whole words, without an ellipsis.</summary>
    private static string FitValue(string value)
    {
        if (value.Length <= DiscordLimits.ChoiceValue)
            return value;
        var cut = value.LastIndexOf(' ', DiscordLimits.ChoiceValue);
        return (cut > 0 ? value[..cut] : value[..DiscordLimits.ChoiceValue]).TrimEnd();
    }
}
