using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using PaperBot.Hosting;
using PaperBot.Testing;
using YamlDotNet.RepresentationModel;

namespace PaperBot.Tests.Container;

/// <summary>
/// There is no container engine here, so these keep the Dockerfile, .dockerignore, compose.yaml and .env.example true
/// to the repository and the app: what they copy exists, what they set is a setting the app reads, and the image's start
/// command and health check work when run the same way on the published output.
/// </summary>
public sealed partial class ContainerFilesTests : IDisposable
{
    private static readonly string Root = SharedPaths.RepositoryRoot;

    private readonly Dockerfile _dockerfile = Dockerfile.Read(Path.Combine(Root, "Dockerfile"));
    private readonly TempFolder _folder = new();

    [Fact]
    public void Every_path_the_dockerfile_copies_exists_and_is_in_the_build_context()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(IgnorePattern).ToList();
        var copies = _dockerfile.All.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var words = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in words[..^1])
            {
                var path = Path.Combine(Root, source);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: no such file or folder in the repository");
                Assert.DoesNotContain(ignored, pattern => pattern.IsMatch(source.TrimEnd('/')));
            }
        }
    }

    [Fact]
    public void The_dockerignore_keeps_build_output_local_data_secrets_and_git_out()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var kept in new[] { "**/bin/", "**/obj/", "data/", ".git", ".env", "**/TestResults/", "**/BenchmarkDotNet.Artifacts/", "**/node_modules/" })
            Assert.Contains(kept, lines);
    }

    [Fact]
    public void The_image_publishes_the_host_runs_it_as_a_non_root_user_and_keeps_data_and_digests_in_volumes()
    {
        var project = PublishedProject();
        var csproj = XDocument.Load(Path.Combine(Root, project));
        Assert.Equal("Microsoft.NET.Sdk.Web", csproj.Root!.Attribute("Sdk")!.Value);
        var assembly = csproj.Descendants("AssemblyName").Single().Value;
        Assert.Equal("src/PaperBot/PaperBot.csproj", project);
        Assert.Equal("true", csproj.Descendants("PublishAot").Single().Value);
        // The image runs the native executable the publish writes into /app: the host's assembly name.
        Assert.Equal("/app", PublishedFolder());
        Assert.Equal($"/app/{assembly}", StartCommand()[0]);
        Assert.Equal($"/app/{assembly}", HealthcheckCommand()[0]);

        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0-aot ", _dockerfile.Stages[0][0].Arguments);
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:10.0", _dockerfile.Final[0].Arguments);
        Assert.Equal("$APP_UID", _dockerfile.Final.Last(i => i.Keyword == "USER").Arguments);
        var volumes = Dockerfile.ExecForm(_dockerfile.Final.Single(i => i.Keyword == "VOLUME").Arguments);
        Assert.Equal(["/data", "/digests"], volumes.Order());
        var environment = _dockerfile.FinalEnvironment();
        Assert.Equal("/digests", environment["Digests__Path"]);
        Assert.Contains("Data Source=/data/", environment["Storage__ConnectionString"]);
    }

    [Fact]
    public void The_port_it_exposes_is_the_one_the_app_listens_on_in_the_container()
    {
        var exposed = _dockerfile.Final.Where(i => i.Keyword == "EXPOSE").Select(i => int.Parse(i.Arguments.Split('/')[0])).ToList();

        Assert.Equal([ContainerPort()], exposed);
    }

    [Fact]
    public void Its_environment_and_composes_and_env_examples_variables_are_settings_the_app_knows()
    {
        var compose = Compose();
        var bot = Service(compose, "paperbot");
        var botVariables = Environment(bot).Keys.ToList();
        var referenced = ReferencedVariables().Where(v => !v.StartsWith("POSTGRES_", StringComparison.Ordinal)).ToList();
        var example = EnvExample();

        var unknown = _dockerfile.FinalEnvironment().Keys.Concat(botVariables).Concat(referenced)
            .Concat(example.Keys.Where(v => !v.StartsWith("POSTGRES_", StringComparison.Ordinal)))
            .Select(KnownSettings.Check).OfType<string>().ToList();
        Assert.True(unknown.Count == 0, string.Join('\n', unknown));

        Assert.All(Environment(Service(compose, "db")).Keys, v => Assert.StartsWith("POSTGRES_", v));
        // Every variable compose takes from .env is listed in .env.example, which holds placeholders only.
        Assert.Empty(ReferencedVariables().Except(example.Keys));
        foreach (var (name, value) in example)
            Assert.True(value.Length == 0 || value is "paperbot" || value.StartsWith("change-me", StringComparison.Ordinal), $"{name} in .env.example must be a placeholder, not \"{value}\"");
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    [Fact]
    public void Compose_runs_the_bot_on_postgres_15_once_the_database_is_healthy_with_named_volumes()
    {
        var compose = Compose();
        var db = Service(compose, "db");
        var bot = Service(compose, "paperbot");
        var declared = ((YamlMappingNode)compose["volumes"]).Children.Keys.Select(k => k.ToString()).ToHashSet();

        Assert.Equal("postgres:15", db["image"].ToString());
        Assert.Contains("pg_isready", string.Join(' ', (YamlSequenceNode)((YamlMappingNode)db["healthcheck"])["test"]));
        Assert.Equal(".", bot["build"].ToString());
        Assert.Equal("service_healthy", ((YamlMappingNode)((YamlMappingNode)bot["depends_on"])["db"])["condition"].ToString());
        Assert.Equal(HealthcheckCommand(), ((YamlSequenceNode)((YamlMappingNode)bot["healthcheck"])["test"]).Skip(1).Select(n => n.ToString()));
        Assert.Equal("Postgres", Environment(bot)["Storage__Provider"]);
        Assert.StartsWith("Host=db;", Environment(bot)["Storage__ConnectionString"]);
        foreach (var service in new[] { db, bot })
        {
            foreach (var volume in (YamlSequenceNode)service["volumes"])
                Assert.Contains(volume.ToString().Split(':')[0], declared);
        }
        Assert.Contains($"8080:{ContainerPort()}", ((YamlSequenceNode)bot["ports"]).Select(p => p.ToString()));
    }

    [Fact]
    public async Task The_health_checks_verb_exists_in_the_built_app()
    {
        var healthcheck = HealthcheckCommand();
        Assert.Equal(StartCommand()[0], healthcheck[0]);

        var outcome = await BotProcess.RunAsync(_folder.Path, null, [.. healthcheck[1..], "--help"]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains($"PaperBot {healthcheck[1]}", outcome.Output);
    }

    [Fact]
    public async Task The_images_start_command_serves_healthz_on_the_published_output_and_its_health_check_passes()
    {
        var app = Directory.CreateDirectory(_folder.Combine("app")).FullName;
        await PublishAsync(app);
        Assert.True(File.Exists(Path.Combine(app, "appsettings.json")), "the published app carries its appsettings.json");
        CopyDirectory(Path.Combine(Root, "samples", "digests"), _folder.Combine("digests"));

        // The image's environment with its paths moved under the temp folder and its port made a free one, plus compose's
        // platform variables empty, as .env.example leaves them.
        var port = FreePort();
        var environment = _dockerfile.FinalEnvironment().ToDictionary(
            e => e.Key,
            e => e.Key == "ASPNETCORE_HTTP_PORTS" ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : InTemp(e.Value));
        foreach (var variable in Environment(Service(Compose(), "paperbot")).Keys.Where(v => v.StartsWith("Discord__", StringComparison.Ordinal) || v.StartsWith("Slack__", StringComparison.Ordinal)))
            environment[variable] = "";

        await using var bot = BotServer.Start(app, environment, InApp(app, StartCommand()));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        await RunningBot.EventuallyAsync(async () =>
        {
            Assert.False(bot.HasExited, bot.AllText);
            try
            {
                using var response = await http.GetAsync("/healthz");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, seconds: 60);
        Assert.True(File.Exists(_folder.Combine("data", "paperbot.db")), "the archive is in the data volume");

        var (exitCode, output) = await RunAsync(app, environment, InApp(app, HealthcheckCommand()));
        Assert.True(exitCode == 0, output);

        Assert.Equal(0, await bot.StopAsync());
    }

    private string InTemp(string value) =>
        value.Replace("/data", _folder.Combine("data"), StringComparison.Ordinal).Replace("/digests", _folder.Combine("digests"), StringComparison.Ordinal);

    private string PublishedProject() => PublishCommand()[2];

    private string PublishedFolder()
    {
        var words = PublishCommand();
        return words[words.IndexOf("-o") + 1];
    }

    private List<string> PublishCommand() =>
        _dockerfile.All.Single(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal))
            .Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>
    /// The Dockerfile's publish command, into <paramref name="output"/> instead of /app, as a JIT build: the same project
    /// and settings, whose apphost has the same name as the native executable, in seconds rather than minutes. CI publishes
    /// the native executable itself and smoke-tests it (.ci/aot-smoke).
    /// </summary>
    private async Task PublishAsync(string output)
    {
        var words = PublishCommand().Where(w => w != "--no-restore").ToList();
        words[words.IndexOf("-o") + 1] = output;
        var (exitCode, text) = await RunAsync(Root, new Dictionary<string, string>(), [.. words, "-p:PublishAot=false"], TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, text);
    }

    /// <summary>A command of the image's, its executable taken from <paramref name="app"/> instead of /app.</summary>
    private string[] InApp(string app, string[] command) =>
        [Path.Combine(app, Path.GetRelativePath(PublishedFolder(), command[0])), .. command[1..]];

    private string[] StartCommand() =>
        [.. Dockerfile.ExecForm(_dockerfile.Final.Single(i => i.Keyword == "ENTRYPOINT").Arguments),
         .. Dockerfile.ExecForm(_dockerfile.Final.Single(i => i.Keyword == "CMD").Arguments)];

    private string[] HealthcheckCommand()
    {
        var healthcheck = _dockerfile.Final.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        return Dockerfile.ExecForm(healthcheck[(healthcheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]);
    }

    /// <summary>Where the app listens given the image's environment, read the way the app reads it.</summary>
    private int ContainerPort()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_dockerfile.FinalEnvironment()
                .Where(e => e.Key.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
                .Select(e => new KeyValuePair<string, string?>(e.Key["ASPNETCORE_".Length..], e.Value)))
            .Build();
        return ListenAddresses.ForLocalClient(Assert.Single(ListenAddresses.From(configuration)))!.Port;
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "compose.yaml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(YamlMappingNode compose, string name) => (YamlMappingNode)((YamlMappingNode)compose["services"])[name];

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());

    /// <summary>The variables compose takes from .env or the shell (<c>${NAME}</c>, <c>${NAME:-default}</c>; not <c>$${NAME}</c>, which is the container's).</summary>
    private static IEnumerable<string> ReferencedVariables() =>
        ComposeVariable().Matches(File.ReadAllText(Path.Combine(Root, "compose.yaml"))).Select(m => m.Groups[1].Value).Distinct();

    private static Dictionary<string, string> EnvExample() =>
        File.ReadAllLines(Path.Combine(Root, ".env.example"))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());

    private static Regex IgnorePattern(string pattern)
    {
        var trimmed = pattern.Trim().TrimEnd('/');
        var regex = Regex.Escape(trimmed).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex($"^{regex}(/.*)?$");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, IReadOnlyDictionary<string, string> environment, string[] command, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in command.Skip(1))
            start.ArgumentList.Add(word);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish in time.");
        }
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    [GeneratedRegex(@"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ComposeVariable();

    public void Dispose() => _folder.Dispose();
}
