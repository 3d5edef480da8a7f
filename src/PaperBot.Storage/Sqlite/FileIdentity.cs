using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PaperBot.Storage.Sqlite;

/// <summary>
/// Which file a path names (device and inode), to tell a file replaced at the same path from the one that was opened.
/// Read with Linux's <c>statx</c>, whose layout is the same on every architecture; elsewhere unknown (null), and only
/// the file's existence is checked.
/// </summary>
internal readonly partial record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;
    private const int StatxSize = 256;

    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxIno, buffer) != 0)
                return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        var mask = BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(buffer) : BinaryPrimitives.ReadUInt32BigEndian(buffer);
        if ((mask & StatxIno) == 0)
            return null;
        // struct statx: stx_ino at byte 32, stx_dev_major and stx_dev_minor at 136 and 140 (native byte order).
        return BitConverter.IsLittleEndian
            ? new FileIdentity(BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]), BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]), BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]))
            : new FileIdentity(BinaryPrimitives.ReadUInt32BigEndian(buffer[136..]), BinaryPrimitives.ReadUInt32BigEndian(buffer[140..]), BinaryPrimitives.ReadUInt64BigEndian(buffer[32..]));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, Span<byte> buffer);
}
