using Microsoft.Extensions.DependencyInjection;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

public sealed class CommandRegistrationTests
{
    [Fact]
    public async Task Global_registration_overwrites_the_commands_with_a_body_valid_for_Discord()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        await using var services = DiscordServices.Build(discord, SampleEditions.Archive());

        var result = await services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(null, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, result.Value.CommandCount);
        Assert.Empty(discord.Violations);
        var request = Assert.Single(discord.To("bulk_set_application_commands"));
        Assert.Equal($"/api/v10/applications/{InteractionHost.ApplicationId}/commands", request.Path);
        var papers = request.Body[0];
        Assert.Equal("papers", papers.GetProperty("name").GetString());
        Assert.Equal(["today", "day", "points", "abstract", "search", "subscribe", "unsubscribe", "status", "help"],
            papers.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        var points = papers.GetProperty("options")[2].GetProperty("options").EnumerateArray().ToList();
        Assert.All(points, o => Assert.True(o.GetProperty("autocomplete").GetBoolean()));
        Assert.Equal(["paper", "date"], points.Select(o => o.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Guild_registration_uses_the_guild_route_without_global_only_fields()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        await using var services = DiscordServices.Build(discord, SampleEditions.Archive());

        var result = await services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync("290926798626357999", CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(discord.Violations);
        var request = Assert.Single(discord.To("bulk_set_guild_application_commands"));
        Assert.False(request.Body[0].TryGetProperty("contexts", out _));
        Assert.Contains("guild 290926798626357999", result.Value.ToString());
    }

    [Fact]
    public async Task Registration_without_an_application_id_says_which_setting_is_missing()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        await using var services = DiscordServices.Build(discord, SampleEditions.Archive(), new() { ["Discord:ApplicationId"] = "" });

        var result = await services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(null, CancellationToken.None);

        Assert.Contains("Discord:ApplicationId", result.Problem!.Message);
        Assert.Empty(discord.Requests);
    }
}
