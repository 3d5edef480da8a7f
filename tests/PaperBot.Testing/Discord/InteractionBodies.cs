using System.Text.Json.Nodes;

namespace PaperBot.Testing.Discord;

/// <summary>Interaction request bodies shaped like Discord's (see examples/ in the platform specs).</summary>
public static class InteractionBodies
{
    public const string ApplicationId = "290926444748734465";
    public const string ChannelId = "645027906669510667";

    public static string Ping() => """{"id":"1234567890123456789","application_id":"290926444748734465","type":1,"token":"A_UNIQUE_TOKEN","version":1}""";

    /// <summary><c>/papers &lt;subcommand&gt;</c> with options given as (name, value); bool and string values keep their JSON type.</summary>
    /// <summary>Manage Channels (0x10) and nothing else.</summary>
    public const string ManageChannels = "16";

    /// <summary>View Channel, Send Messages, Read Message History: a plain member.</summary>
    public const string PlainMember = "68608";

    public static string Command(string subcommand, string channelId = ChannelId, params (string Name, object Value)[] options) =>
        CommandBy(subcommand, "2147483647", channelId, options);

    /// <summary><c>/papers &lt;subcommand&gt;</c> by a member with these permissions (a decimal bitfield), or, with null, in a DM.</summary>
    public static string CommandBy(string subcommand, string? permissions, string channelId = ChannelId, params (string Name, object Value)[] options) =>
        Envelope(2, channelId, new JsonObject
        {
            ["id"] = "771825006014889985", ["name"] = "papers", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = Options(options, focused: null) }),
        }, permissions: permissions);

    public static string Autocomplete(string subcommand, string focused, string typed, params (string Name, object Value)[] filled) =>
        Envelope(4, ChannelId, new JsonObject
        {
            ["id"] = "771825006014889985", ["name"] = "papers", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = subcommand, ["type"] = 1, ["options"] = Options([.. filled, (focused, typed)], focused),
            }),
        });

    public static string Button(string customId, string channelId = ChannelId) =>
        Envelope(3, channelId, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
            message: new JsonObject { ["id"] = "1300000000000000001", ["channel_id"] = channelId, ["type"] = 0, ["content"] = "" });

    private static JsonArray Options((string Name, object Value)[] options, string? focused)
    {
        var array = new JsonArray();
        foreach (var (name, value) in options)
        {
            var option = new JsonObject
            {
                ["name"] = name,
                ["type"] = value is bool ? 5 : 3,
                ["value"] = value is bool flag ? JsonValue.Create(flag) : JsonValue.Create((string)value),
            };
            if (name == focused)
                option["focused"] = true;
            array.Add(option);
        }
        return array;
    }

    private static string Envelope(int type, string channelId, JsonObject data, JsonObject? message = null, string? permissions = "2147483647")
    {
        var interaction = new JsonObject
        {
            ["id"] = "786008729715212339", ["application_id"] = ApplicationId, ["type"] = type,
            ["token"] = "A_UNIQUE_TOKEN_" + Guid.NewGuid().ToString("N"), ["version"] = 1,
            ["guild_id"] = "290926798626357999", ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 0, ["guild_id"] = "290926798626357999", ["name"] = "papers" },
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "mason", ["global_name"] = "Mason", ["discriminator"] = "0" },
                ["roles"] = new JsonArray(), ["permissions"] = "2147483647", ["joined_at"] = "2017-03-13T19:19:14.040000+00:00",
            },
            ["app_permissions"] = "442368", ["locale"] = "ko", ["guild_locale"] = "ko", ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = "290926798626357999" }, ["context"] = 0,
            ["attachment_size_limit"] = 10485760, ["data"] = data,
        };
        if (message is not null)
            interaction["message"] = message;
        if (permissions is null)
        {
            // A DM: no guild, no member, the user at the top level.
            interaction.Remove("guild_id");
            interaction.Remove("member");
            interaction["user"] = new JsonObject { ["id"] = "53908232506183680", ["username"] = "mason", ["discriminator"] = "0" };
            interaction["context"] = 1;
        }
        else
            interaction["member"]!["permissions"] = permissions;
        return interaction.ToJsonString();
    }
}
