using PaperBot.Cli;
using PaperBot.Hosting;

// PaperBot's one executable, verb by verb: the syntax of each is in Cli/VerbCommands.cs, the work in its handler.
// Settings given as options (--urls, --environment, --Section:Key value) are split off first and go to the verb's host.
var (verbArgs, hostArgs, usageError) = HostArguments.From(args);
var cli = new PaperBotCli(hostArgs);

var run = new RunCommand();
cli.Add(run, (_, ct) => RunVerb.RunAsync(hostArgs, ct), isDefault: true);

var check = new CheckCommand();
cli.Add(check, p => CheckVerb.Run(p.GetRequiredValue(check.Paths), p.GetValue(check.Json), Console.Out));

var show = new ShowCommand();
cli.AddWithHost(show, platforms: false, (p, services, ct) =>
    ShowVerb.RunAsync(p.GetValue(show.Words) ?? [], services, Console.Out, Console.Error, ct));

var post = new PostCommand();
cli.AddWithHost(post, platforms: true, (p, services, ct) =>
    PostVerb.RunAsync(p.GetValue(post.Date), p.GetValue(post.DryRun), services, Console.Out, Console.Error, ct));

var registerCommands = new RegisterCommandsCommand();
cli.AddWithHost(registerCommands, platforms: true, (p, services, ct) =>
    RegisterCommandsVerb.RunAsync(p.GetValue(registerCommands.Guild), services, Console.Out, Console.Error, ct));

var slackManifest = new SlackManifestCommand();
cli.Add(slackManifest, p => SlackManifestVerb.Run(p.GetRequiredValue(slackManifest.PublicUrl), Console.Out));

var healthcheck = new HealthcheckCommand();
cli.Add(healthcheck, (p, ct) => HealthcheckVerb.RunAsync(p.GetValue(healthcheck.Url), hostArgs, Console.Out, Console.Error, ct));

return await cli.InvokeAsync(verbArgs, usageError);
