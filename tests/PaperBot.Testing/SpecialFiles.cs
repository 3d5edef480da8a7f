using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PaperBot.Testing;

/// <summary>Directory entries that are not regular files, for the tests that ingest must skip them rather than hang.</summary>
public static class SpecialFiles
{
    /// <summary>A named pipe: opening it for reading waits until someone opens it for writing.</summary>
    public static void CreateFifo(string path)
    {
        if (mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
            throw new IOException($"mkfifo failed with errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>A Unix socket bound at the path; .NET removes the entry when the socket is disposed.</summary>
    public static Socket CreateSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>A sparse file of that length: its size is there at once, without writing the bytes.</summary>
    public static void CreateSparse(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(length);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
