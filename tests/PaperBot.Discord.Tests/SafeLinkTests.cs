using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Core.Ports;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>Only http(s) links reach Discord, whatever schemes the digest's paper links, thumbnails and markdown links use.</summary>
public sealed class SafeLinkTests
{
    [Fact]
    public async Task No_link_but_http_reaches_a_posted_message()
    {
        await using var rig = await DeliveryRig.StartAsync();
        var discord = rig.Discord;

        var bodies = rig.RequestBodies(HostileEditions.Edition, DiscordServices.ChannelA).Select(body => JsonNode.Parse(body)).ToList();
        var outcome = await rig.DeliverAsync(HostileEditions.Edition, DiscordServices.ChannelA);

        Assert.IsType<Core.Delivery.ChannelOutcome.Delivered>(outcome);
        Assert.Empty(discord.Violations);
        var sent = discord.Requests.Select(r => JsonNode.Parse(r.Body.GetRawText())).ToList();
        AssertOnlyHttpLinks(bodies.Concat(sent));
        Assert.Contains(bodies.SelectMany(HostileEditions.DiscordLinks), link => link == "https://example.org/fine");
        Assert.Contains("click", string.Join('\n', bodies.Select(b => b!.ToJsonString())));
    }

    [Fact]
    public async Task No_link_but_http_reaches_an_interaction_answer()
    {
        await using var host = await InteractionHost.StartAsync(new InMemoryArchive(HostileEditions.Edition));
        string[] interactions =
        [
            InteractionBodies.Command("today", options: ("public", true)),
            InteractionBodies.Command("day", options: ("date", "2026-01-09")),
            InteractionBodies.Command("points", options: ("paper", "1")),
            InteractionBodies.Command("abstract", options: ("paper", "1")),
            InteractionBodies.Command("points", options: ("paper", "2")),
            InteractionBodies.Command("abstract", options: ("paper", "2")),
            InteractionBodies.Command("search", options: ("query", "paper")),
            InteractionBodies.Command("points", options: ("paper", "[x](javascript:alert(14))")),
            InteractionBodies.Button(PaperButton.Abstract(HostileEditions.Date, 3)),
        ];

        var answers = new List<JsonNode?>();
        foreach (var interaction in interactions)
            answers.Add(JsonNode.Parse((await host.AnswerAsync(interaction)).GetRawText()));

        AssertOnlyHttpLinks(answers);
    }

    private static void AssertOnlyHttpLinks(IEnumerable<JsonNode?> bodies)
    {
        var links = bodies.SelectMany(HostileEditions.DiscordLinks).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(HostileEditions.IsHttp(link), $"a link to {link}"));
    }
}
