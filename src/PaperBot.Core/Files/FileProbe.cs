using System.Runtime.InteropServices;

namespace PaperBot.Core.Files;

/// <summary>
/// Looks at a path without opening it (following symbolic links). .NET reports a FIFO, a socket and a device
/// alike as a normal file, so on Linux the kernel is asked directly with <c>statx</c>, whose record has the same
/// layout on every architecture; elsewhere, or where the call is missing, the kind is <see cref="FileKind.Unknown"/>.
/// </summary>
public static partial class FileProbe
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
        Span<byte> buffer = stackalloc byte[StatxRecordSize];
        int result;
        try
        {
            result = Statx(AtCurrentDirectory, path, 0, StatxType | StatxMode | StatxInode | StatxSize | StatxBirthTime, buffer);
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
        // The kernel writes the record in the machine's byte order, which is what MemoryMarshal reads.
        var returned = MemoryMarshal.Read<uint>(buffer[MaskOffset..]);
        var mode = MemoryMarshal.Read<ushort>(buffer[ModeOffset..]);
        FileIdentity? identity = (returned & StatxInode) == 0
            ? null
            : new FileIdentity(
                (ulong)MemoryMarshal.Read<uint>(buffer[DeviceMajorOffset..]) << 32 | MemoryMarshal.Read<uint>(buffer[DeviceMinorOffset..]),
                MemoryMarshal.Read<ulong>(buffer[InodeOffset..]),
                // A file system may give a new file the inode of one just deleted; the birth time, where kept, tells them apart.
                (returned & StatxBirthTime) != 0
                    ? MemoryMarshal.Read<long>(buffer[BirthSecondsOffset..]) * 1_000_000_000 + MemoryMarshal.Read<uint>(buffer[BirthNanosecondsOffset..])
                    : 0);
        var kind = (returned & StatxType) == 0 ? FileKind.Unknown : KindOf(mode);
        facts = new FileFacts(kind, (long)MemoryMarshal.Read<ulong>(buffer[SizeOffset..]), identity);
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

    // Source-generated, so that it also works under native AOT.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> record);
}
