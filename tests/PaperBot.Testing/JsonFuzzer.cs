using System.Text;
using System.Text.Json.Nodes;

namespace PaperBot.Testing;

/// <summary>
/// Malformed variants of a well-formed JSON payload, for fuzz tests of the webhooks: properties deleted, values set to
/// null, values swapped for another JSON type, nulls put into arrays, and the text truncated or with bytes deleted.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class JsonFuzzer(Random random)
{
    /// <summary>One to three structural mutations of <paramref name="seed"/>, then sometimes a cut or deleted bytes.</summary>
    public byte[] Mutate(JsonNode seed)
    {
        var node = seed.DeepClone();
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
            node = MutateOnce(node);
        return MutateBytes(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"));
    }

    /// <summary>The bytes as they are, truncated, or with a few bytes deleted (either may cut a UTF-8 sequence in half).</summary>
    public byte[] MutateBytes(byte[] bytes)
    {
        switch (random.Next(8))
        {
            case 0:
                return bytes[..random.Next(bytes.Length + 1)];
            case 1:
                var kept = bytes.ToList();
                for (var i = random.Next(1, 4); i > 0 && kept.Count > 0; i--)
                    kept.RemoveAt(random.Next(kept.Count));
                return [.. kept];
            default:
                return bytes;
        }
    }

    private JsonNode? MutateOnce(JsonNode? root)
    {
        var places = new List<(JsonNode? Parent, object Key, JsonNode? Value)>();
        Collect(root, null, "", places);
        var (parent, key, value) = places[random.Next(places.Count)];
        var replacement = random.Next(6) switch
        {
            0 => Delete,
            1 => null,
            2 => Swap(value),
            3 => value is JsonArray array ? WithNull(array) : Swap(value),
            4 => new JsonArray((JsonNode?)null),
            _ => Swap(value),
        };
        if (parent is null)
            return ReferenceEquals(replacement, Delete) ? null : replacement;
        Replace(parent, key, replacement);
        return root;
    }

    private static readonly JsonNode Delete = JsonValue.Create("(deleted)");

    private static void Collect(JsonNode? node, JsonNode? parent, object key, List<(JsonNode?, object, JsonNode?)> places)
    {
        places.Add((parent, key, node));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                    Collect(child, obj, name, places);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Collect(array[i], array, i, places);
                break;
        }
    }

    private static void Replace(JsonNode parent, object key, JsonNode? replacement)
    {
        var deleting = ReferenceEquals(replacement, Delete);
        switch (parent, key)
        {
            case (JsonObject obj, string name):
                if (deleting)
                    obj.Remove(name);
                else
                    obj[name] = replacement;
                break;
            case (JsonArray array, int index):
                if (deleting)
                    array.RemoveAt(index);
                else
                    array[index] = replacement;
                break;
        }
    }

    private JsonNode? WithNull(JsonArray array)
    {
        var copy = (JsonArray)array.DeepClone();
        copy.Insert(random.Next(copy.Count + 1), null);
        return copy;
    }

    /// <summary>A value of another JSON type than <paramref name="value"/>.</summary>
    private JsonNode? Swap(JsonNode? value)
    {
        JsonNode?[] others =
        [
            JsonValue.Create(random.Next(-2, 3) * 1234567890123L),
            JsonValue.Create(1.5e300),
            JsonValue.Create("x"),
            JsonValue.Create(""),
            JsonValue.Create(random.Next(2) == 0),
            new JsonObject(),
            new JsonArray(),
            new JsonArray(JsonValue.Create(1), JsonValue.Create("two")),
            new JsonObject { ["type"] = 1, ["name"] = null },
            value is null ? JsonValue.Create(0) : JsonValue.Create(value.ToJsonString()),
        ];
        return others[random.Next(others.Length)];
    }
}
