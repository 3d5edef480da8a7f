namespace PaperBot.Core.Files;

/// <summary>What a directory entry is, as far as reading it is concerned: only <see cref="Regular"/> files are opened.</summary>
public enum FileKind
{
    /// <summary>Nothing there, or a link to nothing.</summary>
    Missing,
    Regular,
    Directory,
    /// <summary>A named pipe: opening it waits for a writer, possibly forever.</summary>
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    /// <summary>The platform cannot say without opening it; a size of zero is then taken as "not a regular file".</summary>
    Unknown,
}

/// <summary>A file's kind and size, and the identity (device and inode) of what the path names now, where the platform tells it.</summary>
public readonly record struct FileFacts(FileKind Kind, long Size, (ulong Device, ulong Inode)? Identity);
