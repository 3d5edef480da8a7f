using System.Text;
using PaperBot.Core.Results;
using PaperBot.Testing;
using Xunit;

namespace PaperBot.Digest.Tests;

/// <summary>
/// Whatever the bytes, the parser answers with an edition or an <see cref="InvalidDigest"/>, never an exception.
/// Seeds are fixed so a failure reproduces.
/// </summary>
public sealed class RandomInputTests
{
    private const int Iterations = 300;

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20260108);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            AssertAnswers($"random-{i}.bin", bytes);
        }
    }

    [Fact]
    public void Random_mutations_of_real_digests_never_throw()
    {
        var random = new Random(42);
        var digests = Directory.GetFiles(SharedPaths.Digests, "*.*").Where(f => !f.EndsWith(".json")).Order().Take(12)
            .Select(File.ReadAllText).ToArray();
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var lines = digests[random.Next(digests.Length)].Split('\n').ToList();
            var mutations = random.Next(1, 6);
            for (var m = 0; m < mutations; m++)
                Mutate(lines, random);
            var text = string.Join(random.Next(4) == 0 ? "\r\n" : "\n", lines);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (random.Next(10) == 0)
                bytes = bytes[..random.Next(bytes.Length + 1)]; // may cut a multi-byte character in half

            if (AssertAnswers($"mutated-{i}.md", bytes))
                parsed++;
        }
        Assert.InRange(parsed, 1, Iterations); // the mutations leave most digests readable, so this exercises the paper walk too
    }

    private static void Mutate(List<string> lines, Random random)
    {
        if (lines.Count == 0)
            return;
        var at = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[random.Next(lines.Count)]);
                break;
            case 2:
                lines.RemoveRange(at, lines.Count - at);
                break;
            case 3:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 4:
                lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                break;
            default:
                var markup = new[] { "#", "##", "###", "---", "- ", "**", "`", "[", "](", "![", ">", "    ", "```", "<div>", "\\", "|" };
                lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), markup[random.Next(markup.Length)]);
                break;
        }
    }

    /// <returns>true when the input parsed as an edition.</returns>
    private static bool AssertAnswers(string fileName, byte[] bytes)
    {
        var result = Parsing.Parse(fileName, bytes);
        if (result.IsSuccess)
        {
            Assert.NotEmpty(result.Value.Papers);
            return true;
        }
        var problem = Assert.IsType<InvalidDigest>(result.Problem);
        Assert.Equal(fileName, problem.File);
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
        return false;
    }
}
