using System.Globalization;
using System.Text;
using FeedAggregator.Stories;

namespace FeedAggregator.Tests.Stories;

/// <summary>
/// Stored fingerprints and LSH buckets must never change meaning: the fingerprint (plain-text
/// folding shortcut, word bounds without strings, vectorised MinHash) is held to the plain
/// definition, written out here: fold, split into words, FNV-1a of every three words, and the
/// least SplitMix64 of each seeded shingle.
/// </summary>
public sealed class TextFingerprintDifferentialTests
{
    [Fact]
    public void Every_fixture_and_every_generated_text_gets_the_fingerprint_of_the_definition()
    {
        var texts = StoryFixtures.Names.Select(StoryFixtures.Text).Concat(GeneratedTexts(400)).ToList();
        foreach (var text in texts)
        {
            var expected = Reference(text);
            var actual = TextFingerprint.Of(text);
            Assert.Equal(expected is null, actual is null);
            if (expected is not null)
                Assert.Equal(expected, actual!.Values.ToArray());
        }
    }

    [Fact]
    public void Plain_text_splits_into_the_words_of_the_folded_text()
    {
        foreach (var text in GeneratedTexts(400))
            Assert.Equal(ReferenceWords(text), TextFolding.Words(text));
    }

    [Fact]
    public void The_scalar_minhash_is_the_vectorised_one()
    {
        var random = new Random(7);
        var shingles = Enumerable.Range(0, 300).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
        var seeds = Enumerable.Range(0, TextFingerprint.Size).Select(_ => (ulong)random.NextInt64()).ToArray();
        var (scalar, fast) = (new uint[TextFingerprint.Size], new uint[TextFingerprint.Size]);
        MinHash.FillScalar(shingles, scalar, seeds);
        MinHash.Fill(shingles, fast, seeds);
        Assert.Equal(scalar, fast);
        // Each vector width, whichever this CPU would choose (both run, accelerated or not).
        var (wide, narrow) = (new uint[TextFingerprint.Size], new uint[TextFingerprint.Size]);
        MinHash.Fill512(shingles, wide, seeds);
        MinHash.Fill256(shingles, narrow, seeds);
        Assert.Equal(scalar, wide);
        Assert.Equal(scalar, narrow);
    }

    [Fact]
    public void Each_band_has_a_bucket_of_its_own_that_only_its_own_values_move()
    {
        // All 64 values equal: every band holds the same rows, and still no two buckets collide.
        var same = TextFingerprint.FromBytes(new byte[TextFingerprint.Size * sizeof(uint)])!.Buckets();
        Assert.Equal(TextFingerprint.BandCount, same.Distinct().Count());

        // One value changed in band 3, on each of its rows in turn: band 3 alone moves.
        for (var row = 0; row < TextFingerprint.RowsPerBand; row++)
        {
            var bytes = new byte[TextFingerprint.Size * sizeof(uint)];
            bytes[(3 * TextFingerprint.RowsPerBand + row) * sizeof(uint)] = 1;
            var moved = TextFingerprint.FromBytes(bytes)!.Buckets();
            for (var band = 0; band < TextFingerprint.BandCount; band++)
            {
                if (band == 3)
                    Assert.NotEqual(same[band], moved[band]);
                else
                    Assert.Equal(same[band], moved[band]);
            }
        }
    }

    // Text of every kind the fold treats apart: ASCII, typographic punctuation, Latin with
    // accents (precomposed and combining), Arabic with diacritics and tatweel, compatibility
    // characters that become letters or digits (™, ½, ①, ﬁ, full width), Devanagari marks.
    private static IEnumerable<string> GeneratedTexts(int count)
    {
        string[] pieces =
        [
            "the", "Reader", "NEWS", "2026", "x1", "it's", "AT&T", " ", "  ", "\n", "\t", ",", ".", "-", "\"",
            "\u00A0", "\u00AB", "\u00BB", "\u00AD", "\u2009", "\u200B", "\u2013", "\u2014", "\u2018", "\u2019", "\u201C",
            "\u201D", "\u2022", "\u2026", "\u2032", "\u2033", "\u2039", "\u203A", "café", "NAÏVE", "e\u0301", "Ångström",
            "الجَانِبَانِ", "العلاقـــات", "أمس", "ٱلقول", "المتحدة", "٣٠", "™", "½", "①", "ﬁle", "Ｆｕｌｌ", "नमस्ते", "東京",
            "\u00B7", "\u2122", "İstanbul", "ß", "\uD83D\uDE00",
        ];
        var random = new Random(2026);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 60);
            // Half of the texts are plain (ASCII and typographic marks only), for the shortcut.
            var plain = i % 2 == 0;
            for (var w = 0; w < length; w++)
            {
                var piece = pieces[random.Next(pieces.Length)];
                if (plain && piece.AsSpan().ContainsAnyInRange('\u00C0', '\u2000'))
                    piece = "word" + random.Next(50).ToString(CultureInfo.InvariantCulture);
                text.Append(piece);
                if (random.Next(3) > 0)
                    text.Append(' ');
            }

            yield return text.ToString();
        }
    }

    private static List<string> ReferenceWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in TextFolding.Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }

    private static uint[]? Reference(string text)
    {
        var words = ReferenceWords(text);
        if (words.Count < TextFingerprint.MinWords)
            return null;
        var seeds = Enumerable.Range(1, TextFingerprint.Size).Select(i => Mix((ulong)i * 0xD1B54A32D192ED03UL)).ToArray();
        var values = Enumerable.Repeat(uint.MaxValue, TextFingerprint.Size).ToArray();
        for (var i = 0; i + TextFingerprint.ShingleWords <= words.Count; i++)
        {
            var shingle = 14695981039346656037UL;
            foreach (var word in words.Skip(i).Take(TextFingerprint.ShingleWords))
            {
                foreach (var c in word + " ")
                    shingle = (shingle ^ c) * 1099511628211UL;
            }

            for (var h = 0; h < TextFingerprint.Size; h++)
                values[h] = Math.Min(values[h], (uint)Mix(shingle ^ seeds[h]));
        }

        return values;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
