using System.Globalization;
using PaperBot.Core.Results;

namespace PaperBot.Core.Files;

/// <summary>
/// Reads a digest whole, but only a regular file and only up to a size: a FIFO, a socket or a device is refused
/// without being opened (opening a FIFO waits for a writer; /dev/zero never ends), and so is a file larger than the bound.
/// Every refusal is an <see cref="InvalidDigest"/> that names the file by its name alone, never by its path.
/// </summary>
public static class BoundedFile
{
    /// <summary>The default bound: real digests are about 20 KB, so this leaves two hundredfold room.</summary>
    public const long DefaultMaxBytes = 4 * 1024 * 1024;

    public static async Task<Result<byte[]>> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        maxBytes = Math.Min(maxBytes, Array.MaxLength - 1);
        var name = Path.GetFileName(path);
        var facts = FileProbe.Probe(path);
        if (Refusal(facts.Kind) is { } refusal)
            return new InvalidDigest(name, refusal);
        if (facts.Size > maxBytes)
            return TooLarge(name, facts.Size, maxBytes);
        if (facts.Size == 0)
            return facts.Kind == FileKind.Unknown
                ? new InvalidDigest(name, "the file is empty or is not a regular file (a pipe, socket or device); it was not opened")
                : Array.Empty<byte>();
        try
        {
            return await ReadUpToAsync(path, name, facts.Size, maxBytes, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new InvalidDigest(name, "the file was removed before it could be read");
        }
        catch (UnauthorizedAccessException)
        {
            return new InvalidDigest(name, "the file cannot be read: permission denied");
        }
        catch (IOException e)
        {
            // The exception's message names the full path, which must not reach the public archive page.
            return new InvalidDigest(name, $"the file cannot be read ({e.GetType().Name}, error 0x{e.HResult:x8})");
        }
    }

    private static string? Refusal(FileKind kind) => kind switch
    {
        FileKind.Missing => "no such file (it was removed, or it is a link to nothing)",
        FileKind.Directory => "is a folder, not a file",
        FileKind.Fifo => "is a named pipe (FIFO), not a regular file; it was not opened",
        FileKind.Socket => "is a socket, not a regular file; it was not opened",
        FileKind.CharacterDevice or FileKind.BlockDevice => "is a device, not a regular file; it was not opened",
        _ => null,
    };

    /// <summary>Reads until the end, or until one byte past the bound (the file may have grown since it was looked at).</summary>
    private static async Task<Result<byte[]>> ReadUpToAsync(string path, string name, long sizeSeen, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous);
        var buffer = new byte[Math.Min(sizeSeen, maxBytes) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                    return TooLarge(name, total, maxBytes);
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
                break;
            total += read;
        }
        if (total > maxBytes)
            return TooLarge(name, total, maxBytes);
        Array.Resize(ref buffer, total);
        return buffer;
    }

    private static InvalidDigest TooLarge(string name, long size, long maxBytes) =>
        new(name, $"the file is {Bytes(size)}, more than the {Bytes(maxBytes)} a digest may have (Digests:MaxFileBytes); it was not read");

    private static string Bytes(long count) => count switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{count / (1024.0 * 1024):0.#} MiB ({count:N0} bytes)"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{count / 1024.0:0.#} KiB ({count:N0} bytes)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{count:N0} bytes"),
    };
}
