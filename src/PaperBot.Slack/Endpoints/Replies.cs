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
        result.IsSuccess
            ? new SlackReply(IsPublic(result.Value) ? InChannelType : EphemeralType, "") with { } is var _ ? Build(result.Value) : default!
            : Ephemeral(AnswerRenderer.Render(result.Problem));

    public static SlackReply Ephemeral(SlackMessage message) =>
        new(EphemeralType, message.Text) { Blocks = message.Blocks, ReplaceOriginal = false };

    private static SlackReply Build(PapersAnswer answer)
    {
        var message = AnswerRenderer.Render(answer);
        return new SlackReply(IsPublic(answer) ? InChannelType : EphemeralType, message.Text) { Blocks = message.Blocks };
    }

    private static bool IsPublic(PapersAnswer answer) => answer is PapersAnswer.EditionListing { Public: true };
}
