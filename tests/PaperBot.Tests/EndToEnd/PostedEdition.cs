using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.EndToEnd;

/// <summary>
/// The latest edition posted once by the <c>post</c> verb, run as a process against both fakes, with what the fakes
/// received from that run. The tests of one class share it; their own requests come after this snapshot.
/// </summary>
public sealed class PostedEdition : IAsyncLifetime
{
    internal BotWorkspace Workspace { get; } = new();

    internal PlatformFakes Fakes { get; private set; } = null!;

    internal BotProcess.Outcome FirstPost { get; private set; } = null!;

    internal IReadOnlyList<RecordedRequest> DiscordRequests { get; private set; } = [];

    internal IReadOnlyList<SlackCall> SlackPosts { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Fakes = await PlatformFakes.StartAsync();
        FirstPost = await PostAsync();
        DiscordRequests = Fakes.Discord.Requests;
        SlackPosts = Fakes.Slack.Posts;
    }

    internal Task<BotProcess.Outcome> PostAsync(params string[] options) =>
        BotProcess.RunAsync(Workspace.Root, Fakes.Environment(Workspace), ["post", .. options]);

    /// <summary>The Discord thread started from paper <paramref name="rank"/>'s message (a thread has its message's id).</summary>
    internal string DiscordThreadOf(int rank) =>
        DiscordRequests.Single(r => r.OperationId == "create_thread_from_message" && r.Body.GetProperty("name").GetString()!.StartsWith($"{rank}. ", StringComparison.Ordinal))
            .Path.Split('/')[^2];

    /// <summary>The Slack <c>ts</c> of paper <paramref name="rank"/>'s card: the header is the first top-level message, then the papers in order.</summary>
    internal string SlackCardOf(int rank) => SlackPosts.Where(p => p.ThreadTs is null).ElementAt(rank).Ts!;

    public async Task DisposeAsync()
    {
        await Fakes.DisposeAsync();
        Workspace.Dispose();
    }
}
