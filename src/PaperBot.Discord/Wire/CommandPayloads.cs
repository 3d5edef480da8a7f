namespace PaperBot.Discord.Wire;

/// <summary>One application command in a bulk-overwrite body.</summary>
internal sealed record ApplicationCommandPayload
{
    public required string Name { get; init; }

    public int Type { get; init; } = 1;

    public required string Description { get; init; }

    public IReadOnlyList<CommandOptionPayload>? Options { get; init; }

    public IReadOnlyList<int>? Contexts { get; init; }

    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}

internal sealed record CommandOptionPayload
{
    public required int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<CommandOptionPayload>? Options { get; init; }
}

internal static class CommandOptionType
{
    public const int Subcommand = 1;
    public const int String = 3;
    public const int Boolean = 5;
}
