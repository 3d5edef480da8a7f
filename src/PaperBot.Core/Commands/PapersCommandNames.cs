namespace PaperBot.Core.Commands;

public static class PapersCommandNames
{
    /// <summary>The subcommand's name as people type it (<c>today</c>, <c>points</c>…): a bounded label, whatever text was typed.</summary>
    public static string NameOf(PapersCommand command) => command switch
    {
        PapersCommand.Today => "today",
        PapersCommand.Day => "day",
        PapersCommand.Points => "points",
        PapersCommand.Abstract => "abstract",
        PapersCommand.Search => "search",
        PapersCommand.Help => "help",
        _ => command.GetType().Name.ToLowerInvariant(),
    };
}
