using System.Runtime.Intrinsics;

namespace FeedAggregator.Stories;

/// <summary>
/// The minimum of each of <see cref="TextFingerprint.Size"/> hash functions over a text's
/// shingles: value h is the least (uint)Mix(shingle ^ seed[h]). The same values, computed eight
/// or four seeds at a time where the CPU has vectors of 64-bit lanes, else one at a time.
/// </summary>
internal static class MinHash
{
    public static void Fill(ReadOnlySpan<ulong> shingles, Span<uint> values, ReadOnlySpan<ulong> seeds)
    {
        if (Vector512.IsHardwareAccelerated)
            Fill512(shingles, values, seeds);
        else if (Vector256.IsHardwareAccelerated)
            Fill256(shingles, values, seeds);
        else
            FillScalar(shingles, values, seeds);
    }

    internal static void FillScalar(ReadOnlySpan<ulong> shingles, Span<uint> values, ReadOnlySpan<ulong> seeds)
    {
        values.Fill(uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var h = 0; h < values.Length; h++)
                values[h] = Math.Min(values[h], (uint)TextFingerprint.Mix(shingle ^ seeds[h]));
        }
    }

    internal static void Fill512(ReadOnlySpan<ulong> shingles, Span<uint> values, ReadOnlySpan<ulong> seeds)
    {
        var lanes = Vector512<ulong>.Count;
        Span<Vector512<ulong>> seed = stackalloc Vector512<ulong>[seeds.Length / lanes];
        for (var k = 0; k < seed.Length; k++)
            seed[k] = Vector512.Create(seeds.Slice(k * lanes, lanes));
        Span<Vector512<uint>> min = stackalloc Vector512<uint>[seed.Length / 2];
        min.Fill(Vector512<uint>.AllBitsSet);
        foreach (var shingle in shingles)
        {
            var x = Vector512.Create(shingle);
            for (var k = 0; k < min.Length; k++)
                min[k] = Vector512.Min(min[k], Vector512.Narrow(Mix(x ^ seed[2 * k]), Mix(x ^ seed[2 * k + 1])));
        }

        for (var k = 0; k < min.Length; k++)
            min[k].CopyTo(values.Slice(k * Vector512<uint>.Count, Vector512<uint>.Count));
    }

    internal static void Fill256(ReadOnlySpan<ulong> shingles, Span<uint> values, ReadOnlySpan<ulong> seeds)
    {
        var lanes = Vector256<ulong>.Count;
        Span<Vector256<ulong>> seed = stackalloc Vector256<ulong>[seeds.Length / lanes];
        for (var k = 0; k < seed.Length; k++)
            seed[k] = Vector256.Create(seeds.Slice(k * lanes, lanes));
        Span<Vector256<uint>> min = stackalloc Vector256<uint>[seed.Length / 2];
        min.Fill(Vector256<uint>.AllBitsSet);
        foreach (var shingle in shingles)
        {
            var x = Vector256.Create(shingle);
            for (var k = 0; k < min.Length; k++)
                min[k] = Vector256.Min(min[k], Vector256.Narrow(Mix(x ^ seed[2 * k]), Mix(x ^ seed[2 * k + 1])));
        }

        for (var k = 0; k < min.Length; k++)
            min[k].CopyTo(values.Slice(k * Vector256<uint>.Count, Vector256<uint>.Count));
    }

    // TextFingerprint.Mix, lane by lane.
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }
}
