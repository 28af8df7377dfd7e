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
        var words = TextFolding.Words(text);
        if (words.Count < MinWords)
            return null;

        var values = new uint[Size];
        Array.Fill(values, uint.MaxValue);
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var shingle = Fnv(words, i);
            for (var h = 0; h < Size; h++)
            {
                var value = (uint)Mix(shingle ^ Seeds[h]);
                if (value < values[h])
                    values[h] = value;
            }
        }

        return new TextFingerprint(values);
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

    private static ulong Fnv(IReadOnlyList<string> words, int start)
    {
        var hash = 14695981039346656037UL;
        for (var w = start; w < start + ShingleWords; w++)
        {
            foreach (var c in words[w])
                hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ ' ') * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64's finaliser: a cheap, well-spread 64-bit mix.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Fixed forever: stored fingerprints and buckets depend on them.
    private static readonly ulong[] Seeds = Enumerable.Range(1, Size).Select(i => Mix((ulong)i * 0xD1B54A32D192ED03UL)).ToArray();
}
