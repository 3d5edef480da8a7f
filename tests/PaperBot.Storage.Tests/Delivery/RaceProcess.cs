using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PaperBot.Storage.Tests.Delivery;

/// <summary>
/// This test assembly run as a program (<c>dotnet exec PaperBot.Storage.Tests.dll race FILE SENDER ROUNDS</c>): one sender
/// of <see cref="ClaimRace"/> in a process of its own, on the SQLite file given. It opens the store, says
/// <see cref="Ready"/>, waits for <see cref="Go"/> so that every process starts racing at once, then prints one outcome a line.
/// </summary>
public static class RaceProcess
{
    public const string Ready = "ready";
    public const string Go = "go";

    public static Process Start(string databaseFile, string sender, int rounds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(RaceProcess).Assembly.Location, "race", databaseFile, sender, rounds.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the racing process.");
    }

    public static async Task<int> Main(string[] args)
    {
        if (args is not ["race", var file, var sender, var roundsText] || !int.TryParse(roundsText, CultureInfo.InvariantCulture, out var rounds))
        {
            await Console.Error.WriteLineAsync("usage: race FILE SENDER ROUNDS");
            return 2;
        }
        await using var store = ArchiveStores.Create(StorageProvider.Sqlite, $"Data Source={file}");
        await store.MigrateAsync();
        Console.WriteLine(Ready);
        if (Console.ReadLine() != Go)
            return 3;

        var output = new StringBuilder();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var outcome in await ClaimRace.RunRoundAsync(store, sender, round))
                output.Append(outcome).Append('\n');
        }
        Console.Write(output);
        return 0;
    }
}
