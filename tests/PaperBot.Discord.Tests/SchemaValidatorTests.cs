using System.Text.Json;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

public sealed class SchemaValidatorTests
{
    [Fact]
    public void The_documented_example_bodies_validate_and_a_broken_one_does_not()
    {
        var example = File.ReadAllText(Path.Combine(SharedPaths.PlatformSpecs, "discord", "examples", "create-message-with-embed.request.assembled.json"));
        using var good = JsonDocument.Parse(example);
        Assert.Empty(DiscordOpenApi.Validate("create_message", good.RootElement));

        using var bad = JsonDocument.Parse("""{"embeds":[{"title":"x","fields":[{"name":"only a name"}]}]}""");
        Assert.NotEmpty(DiscordOpenApi.Validate("create_message", bad.RootElement));

        var commands = File.ReadAllText(Path.Combine(SharedPaths.PlatformSpecs, "discord", "examples", "bulk-overwrite-commands.request.assembled.json"));
        using var commandsDoc = JsonDocument.Parse(commands);
        Assert.Empty(DiscordOpenApi.Validate("bulk_set_application_commands", commandsDoc.RootElement));
    }
}
