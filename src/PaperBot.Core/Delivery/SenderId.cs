using System.Security.Cryptography;

namespace PaperBot.Core.Delivery;

/// <summary>Who holds a lease: one id per running copy of the bot, different on every start.</summary>
public sealed record SenderId(string Value)
{
    public static SenderId ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    public override string ToString() => Value;
}
