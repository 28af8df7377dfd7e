using System.Buffers;
using System.Buffers.Binary;

namespace FeedAggregator.Stories;

/// <summary>
/// A MinHash signature of a text's word shingles: the share of equal values between two
/// signatures estimates the Jaccard similarity of their shingle sets. The values are cut into
/// LSH bands, and two texts that agree on a whole band share a bucket: the store looks up
/// candidates by bucket (an index seek), never by comparing against every article.
/// </summary>
public sealed class TextFingerprint
{
    public const int Size = BandCount * RowsPerBand;

    /// <summary>
    /// 16 bands of 4 rows: texts at similarity 0.5 become candidates 64% of the time, at 0.7
    /// 99%, at 0.3 12%; every candidate is then checked against the threshold on all 64 values.
    /// </summary>
    public const int BandCount = 16;
    public const int RowsPerBand = 4;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 3;

    /// <summary>Shorter texts (a bare headline) say too little to group stories by: no fingerprint.</summary>
    public const int MinWords = 12;

    private readonly uint[] _values;

    private TextFingerprint(uint[] values) => _values = values;

    public ReadOnlySpan<uint> Values => _values;

    /// <summary>The fingerprint of a text, or null when it is too short to tell stories apart.</summary>
    public static TextFingerprint? Of(string text)
    {
        var folded = TextFolding.ForWords(text);
        // A word is at least one character and a separator: these hold every word's bounds and shingle.
        var bounds = ArrayPool<int>.Shared.Rent(folded.Length + 2);
        var shingles = ArrayPool<ulong>.Shared.Rent(folded.Length / 2 + 1);
        try
        {
            var words = 0;
            for (var i = 0; TextFolding.NextWord(folded, ref i) is var (start, end); words++)
                (bounds[2 * words], bounds[2 * words + 1]) = (start, end);
            if (words < MinWords)
                return null;
            var count = words - ShingleWords + 1;
            for (var w = 0; w < count; w++)
                shingles[w] = Fnv(folded, bounds.AsSpan(2 * w, 2 * ShingleWords));
            var values = new uint[Size];
            MinHash.Fill(shingles.AsSpan(0, count), values, Seeds);
            return new TextFingerprint(values);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bounds);
            ArrayPool<ulong>.Shared.Return(shingles);
        }
    }

    /// <summary>The estimated Jaccard similarity of the two texts' shingles, 0 to 1.</summary>
    public double Similarity(TextFingerprint other)
    {
        var equal = 0;
        for (var i = 0; i < Size; i++)
            equal += _values[i] == other._values[i] ? 1 : 0;
        return (double)equal / Size;
    }

    /// <summary>One bucket key per band; the band number is mixed in, so bands never collide.</summary>
    public long[] Buckets()
    {
        var buckets = new long[BandCount];
        for (var band = 0; band < BandCount; band++)
        {
            var hash = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < RowsPerBand; row++)
                hash = Mix(hash ^ _values[band * RowsPerBand + row]);
            buckets[band] = (long)hash;
        }

        return buckets;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size * sizeof(uint)];
        for (var i = 0; i < Size; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), _values[i]);
        return bytes;
    }

    public static TextFingerprint? FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length != Size * sizeof(uint))
            return null;
        var values = new uint[Size];
        for (var i = 0; i < Size; i++)
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        return new TextFingerprint(values);
    }

    /// <summary>FNV-1a over the words between <paramref name="bounds"/> (start, end pairs), each followed by a space.</summary>
    private static ulong Fnv(string text, ReadOnlySpan<int> bounds)
    {
        var hash = 14695981039346656037UL;
        for (var w = 0; w < bounds.Length; w += 2)
        {
            foreach (var c in text.AsSpan(bounds[w], bounds[w + 1] - bounds[w]))
                hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ ' ') * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64's finaliser: a cheap, well-spread 64-bit mix.
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Fixed forever: stored fingerprints and buckets depend on them.
    private static readonly ulong[] Seeds = Enumerable.Range(1, Size).Select(i => Mix((ulong)i * 0xD1B54A32D192ED03UL)).ToArray();
}
