using PaperBot.Core.Commands;

namespace PaperBot.Slack.Rendering;

/// <summary>The buttons on a paper card: their action ids; their values are <see cref="PaperButton"/>'s.</summary>
public static class PaperButtons
{
    public const string KeyPointsAction = "paper_points";
    public const string AbstractAction = "paper_abstract";
    public const string OpenAction = "paper_open";
    public const string ActionsBlockId = "paper_actions";

}
