using PaperBot.Core.Commands;
using PaperBot.Core.Results;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Endpoints;

/// <summary>Turns an answer or a problem into a slash-command / response_url reply: private unless asked to be public.</summary>
internal static class Replies
{
    public const string EphemeralType = "ephemeral";
    public const string InChannelType = "in_channel";

    public static SlackReply For(Result<PapersAnswer> result) =>
        result.IsSuccess ? For(result.Value) : Ephemeral(AnswerRenderer.Render(result.Problem));

    public static SlackReply For(PapersAnswer answer)
    {
        var message = AnswerRenderer.Render(answer);
        var isPublic = answer is PapersAnswer.EditionListing { Public: true };
        return new SlackReply(isPublic ? InChannelType : EphemeralType, message.Text) { Blocks = message.Blocks };
    }

    public static SlackReply Ephemeral(SlackMessage message) => new(EphemeralType, message.Text) { Blocks = message.Blocks };

    /// <summary>For a button's response_url: a new private message, leaving the card that holds the button as it is.</summary>
    public static SlackReply EphemeralBeside(SlackMessage message) => Ephemeral(message) with { ReplaceOriginal = false };

    public static SlackReply EphemeralText(string text) => new(EphemeralType, text);
}
