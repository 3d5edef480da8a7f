using System.Runtime.InteropServices;
using System.Text;

namespace PaperBot.Core.Files;

/// <summary>
/// Looks at a path without opening it (following symbolic links). .NET reports a FIFO, a socket and a device
/// alike as a normal file, so on Linux the kernel is asked directly with <c>statx</c>, whose record has the same
/// layout on every architecture; elsewhere, or where the call is missing, the kind is <see cref="FileKind.Unknown"/>.
/// </summary>
public static class FileProbe
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxInode = 0x100, StatxSize = 0x200, StatxBirthTime = 0x800;
    private const int StatxRecordSize = 256;
    private const int MaskOffset = 0, ModeOffset = 28, InodeOffset = 32, SizeOffset = 40, BirthSecondsOffset = 80, BirthNanosecondsOffset = 88,
        DeviceMajorOffset = 136, DeviceMinorOffset = 140;

    private static bool _statxMissing = !OperatingSystem.IsLinux();

    public static FileFacts Probe(string path)
    {
        if (!_statxMissing && TryStatx(path, out var facts))
            return facts;
        return FromFileInfo(path);
    }

    private static bool TryStatx(string path, out FileFacts facts)
    {
        facts = default;
        var buffer = new byte[StatxRecordSize];
        int result;
        try
        {
            result = statx(AtCurrentDirectory, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType | StatxMode | StatxInode | StatxSize | StatxBirthTime, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _statxMissing = true;
            return false;
        }
        if (result != 0)
        {
            const int NoSuchFile = 2, NotADirectory = 20, FunctionNotImplemented = 38;
            var error = Marshal.GetLastPInvokeError();
            if (error is NoSuchFile or NotADirectory)
            {
                facts = new FileFacts(FileKind.Missing, 0, null);
                return true;
            }
            _statxMissing |= error == FunctionNotImplemented;
            return false;
        }
        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var identity = new FileIdentity(
            (ulong)BitConverter.ToUInt32(buffer, DeviceMajorOffset) << 32 | BitConverter.ToUInt32(buffer, DeviceMinorOffset),
            BitConverter.ToUInt64(buffer, InodeOffset),
            // A file system may give a new folder the inode of one just deleted; the birth time, where kept, tells them apart.
            (BitConverter.ToUInt32(buffer, MaskOffset) & StatxBirthTime) != 0
                ? BitConverter.ToInt64(buffer, BirthSecondsOffset) * 1_000_000_000 + BitConverter.ToUInt32(buffer, BirthNanosecondsOffset)
                : 0);
        facts = new FileFacts(KindOf(mode), (long)BitConverter.ToUInt64(buffer, SizeOffset), identity);
        return true;
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        _ => FileKind.Unknown,
    };

    internal static FileFacts FromFileInfo(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        if (info.LinkTarget is not null)
            info = File.ResolveLinkTarget(path, returnFinalTarget: true) ?? info;
        info.Refresh();
        if (!info.Exists)
            return Directory.Exists(info.FullName) ? new FileFacts(FileKind.Directory, 0, null) : new FileFacts(FileKind.Missing, 0, null);
        if (info.Attributes.HasFlag(FileAttributes.Directory))
            return new FileFacts(FileKind.Directory, 0, null);
        // Windows keeps pipes and devices out of folders; other systems may hold them, and .NET cannot tell them apart.
        return new FileFacts(OperatingSystem.IsWindows() ? FileKind.Regular : FileKind.Unknown, ((FileInfo)info).Length, null);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] record);
}
