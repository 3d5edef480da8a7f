namespace PaperBot.Digest;

internal static class Numbers
{
    /// <summary>The number at the start of <paramref name="text"/> (thousands separators allowed), and what follows it.</summary>
    public static int? Leading(ReadOnlySpan<char> text, out ReadOnlySpan<char> rest)
    {
        text = text.TrimStart();
        var end = 0;
        long value = 0;
        var digits = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == ',' && digits > 0 && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
        {
            if (text[end] != ',')
            {
                value = value * 10 + (text[end] - '0');
                digits++;
                if (value > int.MaxValue)
                {
                    rest = text;
                    return null;
                }
            }
            end++;
        }
        rest = text[end..];
        return digits == 0 ? null : (int)value;
    }
}
