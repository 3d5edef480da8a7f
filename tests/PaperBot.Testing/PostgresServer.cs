using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace PaperBot.Testing;

/// <summary>
/// A throwaway PostgreSQL 15 server for tests: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free
/// port with its unix socket in that folder (no TCP), trust authentication, fsync off. Use it as a class or
/// collection fixture and call <see cref="CreateDatabaseAsync"/> for a fresh, empty database.
/// When the tests run as root (as CI does) the server runs as the <c>postgres</c> system user, since initdb refuses root.
/// Missing binaries fail the tests with a message saying what to install; they are never skipped silently.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SuperUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? _root;
    private int _databaseCount;

    /// <summary>The folder holding the data directory, the server log and the unix socket.</summary>
    public string Root => _root ?? throw new InvalidOperationException("The server is not started.");

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(Root, "data");

    private string LogFile => Path.Combine(Root, "server.log");

    public async Task InitializeAsync()
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        if (!File.Exists(initdb))
            throw new InvalidOperationException(
                $"PostgreSQL 15 server binaries are missing ({initdb} not found). The PostgreSQL store tests need them: apt-get install postgresql-15.");

        // Short path: a unix socket path must stay under ~100 bytes.
        _root = Path.Combine("/tmp", "pbpg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root);
        if (RunningAsRoot)
            await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", _root], asServerUser: false);

        await RunServerToolAsync("initdb", ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        Port = FreePort();
        var options = $"-p {Port} -k {_root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"]);
    }

    /// <summary>Creates an empty database owned by the superuser and returns an Npgsql connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"test_{Interlocked.Increment(ref _databaseCount)}_{Guid.NewGuid().ToString("N")[..8]}";
        await RunAsync(Path.Combine(BinDirectory, "createdb"), ["-h", Root, "-p", Port.ToString(), "-U", SuperUser, name], asServerUser: false);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host={Root};Port={Port};Username={SuperUser};Database={database};Pooling=true";

    public async Task DisposeAsync()
    {
        if (_root is null)
            return;
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                await RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            _root = null;
        }
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(BinDirectory, tool), arguments, asServerUser: RunningAsRoot);

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServerUser ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser)
        {
            foreach (var argument in new[] { "-u", SuperUser, "--", program })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s.");
        }
        if (process.ExitCode != 0)
        {
            var log = _root is not null && File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "";
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}\n{log}".TrimEnd());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
