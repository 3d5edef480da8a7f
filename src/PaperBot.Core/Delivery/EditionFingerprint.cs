using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Domain;

namespace PaperBot.Core.Delivery;

/// <summary>
/// A hash of everything an edition says. A delivery remembers the fingerprint of the edition it posted, so a revised digest
/// (the same date, other content) is noticed, and a change of settings alone never edits what is already in a channel.
/// </summary>
public static class EditionFingerprint
{
    private static readonly ConditionalWeakTable<Edition, string> Computed = new();

    public static string Of(Edition edition) => Computed.GetValue(edition, Compute);

    private static string Compute(Edition edition)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, edition.Date.DayNumber);
        Add(hash, edition.Papers.Count);
        foreach (var paper in edition.Papers)
        {
            Add(hash, paper.Rank);
            Add(hash, paper.Title);
            Add(hash, paper.Url);
            Add(hash, paper.ArxivId);
            Add(hash, paper.Upvotes ?? -1);
            Add(hash, paper.Thumbnail);
            Add(hash, paper.Summary);
            Add(hash, paper.Abstract);
            AddAll(hash, paper.KeyPoints);
            AddAll(hash, paper.Figures);
            Add(hash, paper.OtherSections.Count);
            foreach (var section in paper.OtherSections)
            {
                Add(hash, section.Name);
                Add(hash, section.Text);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AddAll(IncrementalHash hash, IReadOnlyList<string> values)
    {
        Add(hash, values.Count);
        foreach (var value in values)
            Add(hash, value);
    }

    private static void Add(IncrementalHash hash, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }

    // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently; null differs from "".
    private static void Add(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            Add(hash, -1);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        Add(hash, bytes.Length);
        hash.AppendData(bytes);
    }
}
