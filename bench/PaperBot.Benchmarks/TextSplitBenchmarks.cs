using System.Text;
using BenchmarkDotNet.Attributes;
using PaperBot.Core.Text;

namespace PaperBot.Benchmarks;

/// <summary>
/// Splitting a long abstract into Discord-sized pieces (what a thread reply is cut from). Time and allocations should
/// grow linearly with the length: 10 MB took 22 s when every cut copied the rest of the text.
/// </summary>
[MemoryDiagnoser]
public class TextSplitBenchmarks
{
    private string _text = "";

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder(Length + 100);
        for (var sentence = 0; text.Length < Length; sentence++)
        {
            text.Append(sentence % 3 == 0 ? "긴 초록 문장이 계속 이어집니다. " : "A long abstract sentence keeps going 😀 on and on. ");
            if (sentence % 25 == 24)
                text.Append("\n\n");
        }
        _text = text.ToString();
    }

    [Benchmark(Description = "TextLimits.Split into 2000-character pieces")]
    public int Split() => TextLimits.Split(_text, 2000).Count;
}
