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

/// <summary>A file's kind and size, and the identity of what the path names now, where the platform tells it.</summary>
public readonly record struct FileFacts(FileKind Kind, long Size, FileIdentity? Identity);

/// <summary>Which file a path names: a folder deleted and made again under the same name has another identity.</summary>
/// <param name="BirthTime">Nanoseconds since 1970 when the file was created, or 0 where the file system does not keep it.</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode, long BirthTime);
