using PaperBot.Core.Domain;
using PaperBot.Core.Results;

namespace PaperBot.Core.Ports;

/// <summary>Turns one digest file's bytes into an edition, or an <see cref="InvalidDigest"/> naming the file and the reason.</summary>
public interface IDigestParser
{
    Result<Edition> Parse(string fileName, ReadOnlySpan<byte> content);
}
