namespace PaperBot.Digest;

internal enum SectionKind
{
    Other,
    Summary,
    Abstract,
    KeyPoints,
    Figures,
}

/// <summary>Recognises a paper's <c>###</c> section by its emoji, or by its Korean or English name.</summary>
internal static class SectionNames
{
    private static readonly (string Emoji, SectionKind Kind)[] Emojis =
    [
        ("📌", SectionKind.Summary),
        ("📝", SectionKind.Abstract),
        ("🔑", SectionKind.KeyPoints),
        ("🖼", SectionKind.Figures),
    ];

    private static readonly (string Name, SectionKind Kind)[] Names =
    [
        ("요약", SectionKind.Summary),
        ("Summary", SectionKind.Summary),
        ("초록 (번역)", SectionKind.Abstract),
        ("초록", SectionKind.Abstract),
        ("Abstract", SectionKind.Abstract),
        ("Translated Abstract", SectionKind.Abstract),
        ("Abstract (Translated)", SectionKind.Abstract),
        ("핵심 포인트", SectionKind.KeyPoints),
        ("Key Points", SectionKind.KeyPoints),
        ("추가 자료", SectionKind.Figures),
        ("Additional Materials", SectionKind.Figures),
        ("Figures", SectionKind.Figures),
    ];

    public static SectionKind Classify(string heading)
    {
        var text = heading.AsSpan().Trim();
        foreach (var (emoji, kind) in Emojis)
        {
            if (text.StartsWith(emoji, StringComparison.Ordinal))
                return kind;
        }

        var name = WithoutLeadingSymbols(text);
        foreach (var (known, kind) in Names)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
                return kind;
        }
        return SectionKind.Other;
    }

    /// <summary>Drops a leading emoji (with its variation selector) the digest put before the name, and markdown emphasis around it.</summary>
    private static ReadOnlySpan<char> WithoutLeadingSymbols(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
            start++;
        var end = text.Length;
        while (end > start && (text[end - 1] is '*' or '_' or ':' || char.IsWhiteSpace(text[end - 1])))
            end--;
        return text[start..end];
    }
}
