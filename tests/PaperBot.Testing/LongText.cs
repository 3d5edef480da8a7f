using System.Text;

namespace PaperBot.Testing;

/// <summary>Deterministic long digest text: Korean and English sentences in paragraphs, an emoji now and then.</summary>
public static class LongText
{
    public static string Abstract(int length)
    {
        var text = new StringBuilder(length + 200);
        for (var sentence = 0; text.Length < length; sentence++)
        {
            text.Append(sentence % 3 == 0 ? "긴 초록 문장이 계속 이어집니다. " : "A long abstract sentence keeps going 😀 on and on. ");
            if (sentence % 25 == 24)
                text.Append("\n\n");
        }
        return text.ToString();
    }
}
