using System.CommandLine.Parsing;

namespace PaperBot.Cli;

internal static class OptionValue
{
    /// <summary>
    /// An option's parser: <paramref name="parse"/> gives the value of the option's one token, or null when the text is not
    /// one; then the parse fails with <paramref name="error"/>'s explanation of what would work.
    /// </summary>
    public static Func<ArgumentResult, T?> Parser<T>(Func<string, T?> parse, Func<string, string> error) => result =>
    {
        var text = result.Tokens[0].Value;
        var value = parse(text);
        if (value is null)
            result.AddError(error(text));
        return value;
    };
}
