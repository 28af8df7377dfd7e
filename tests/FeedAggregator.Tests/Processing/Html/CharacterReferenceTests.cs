using FeedAggregator.Processing.Html;
using Outcome = FeedAggregator.Processing.Html.CharacterReference.Outcome;

namespace FeedAggregator.Tests.Processing.Html;

/// <summary>The references the fast path decodes itself, and those it must leave to the HTML tokenizer.</summary>
public sealed class CharacterReferenceTests
{
    [Theory]
    [InlineData("&amp;", "&")]
    [InlineData("&lt;", "<")]
    [InlineData("&gt;", ">")]
    [InlineData("&quot;", "\"")]
    [InlineData("&apos;", "'")]
    [InlineData("&nbsp;", "\u00A0")]
    [InlineData("&eacute;", "é")]
    [InlineData("&hellip;", "…")]
    [InlineData("&CounterClockwiseContourIntegral;", "∳")]
    [InlineData("&#65;", "A")]
    [InlineData("&#x41;", "A")]
    [InlineData("&#X41;", "A")]
    [InlineData("&#00000065;", "A")]
    [InlineData("&#x1F600;", "\U0001F600")]
    public void Named_and_numeric_references_with_a_semicolon_are_decoded(string text, string expected)
    {
        Assert.Equal(Outcome.Decoded, CharacterReference.Read(text + "tail", inAttribute: false, out var value, out var length));
        Assert.Equal(expected, value);
        Assert.Equal(text.Length, length);
    }

    [Theory]
    [InlineData("&")]
    [InlineData("& ")]
    [InlineData("&;")]
    [InlineData("&a")]
    [InlineData("&unknown;")]
    [InlineData("&xyz")]
    public void An_ampersand_that_starts_no_reference_is_a_literal(string text)
    {
        Assert.Equal(Outcome.Literal, CharacterReference.Read(text, inAttribute: false, out _, out var length));
        Assert.Equal(1, length);
    }

    [Theory]
    [InlineData("&#")] // no digits
    [InlineData("&#x")]
    [InlineData("&#;")]
    [InlineData("&#65")] // no semicolon
    [InlineData("&#000000065;")] // nine digits: more than the fast path reads
    [InlineData("&#6a;")] // a hex digit in a decimal reference
    [InlineData("&#0;")]
    [InlineData("&#x80;")] // C1: remapped to Windows-1252
    [InlineData("&#x9F;")]
    [InlineData("&#31;")]
    [InlineData("&#127;")]
    [InlineData("&#xD800;")] // a surrogate
    [InlineData("&#xFDD0;")] // noncharacters
    [InlineData("&#xFDE5;")]
    [InlineData("&#xFDEF;")]
    [InlineData("&#xFFFE;")]
    [InlineData("&#x1FFFF;")]
    [InlineData("&#x10FFFF;")]
    [InlineData("&#x110000;")] // beyond Unicode
    [InlineData("&copy")] // a legacy name without its semicolon
    [InlineData("&copy2024")]
    [InlineData("&notin")] // "not" is a legacy prefix
    public void References_the_tokenizer_reads_in_its_own_way_are_unsure(string text) =>
        Assert.Equal(Outcome.Unsure, CharacterReference.Read(text, inAttribute: false, out _, out _));

    [Theory]
    [InlineData(0x09)]
    [InlineData(0x0A)]
    [InlineData(0x20)]
    [InlineData(0x7E)]
    [InlineData(0xA0)]
    [InlineData(0xD7FF)]
    [InlineData(0xE000)]
    [InlineData(0xFDCF)]
    [InlineData(0xFDF0)]
    [InlineData(0xFFFD)]
    [InlineData(0x10000)]
    [InlineData(0x10FFFD)]
    public void Code_points_at_the_edges_of_the_plain_ranges_are_decoded(int code)
    {
        Assert.Equal(Outcome.Decoded, CharacterReference.Read($"&#x{code:X};", inAttribute: false, out var value, out _));
        Assert.Equal(char.ConvertFromUtf32(code), value);
        Assert.Equal(Outcome.Decoded, CharacterReference.Read($"&#{code};", inAttribute: false, out var decimalValue, out _));
        Assert.Equal(value, decimalValue);
    }

    [Theory]
    [InlineData("&copy", false)] // at the end of the value: decoded by the tokenizer
    [InlineData("&copy x", false)]
    [InlineData("&copy=2", true)] // "?a=1&copy=2" stays as written
    [InlineData("&copyright", true)] // a legacy prefix followed by letters stays too
    [InlineData("&notit", true)]
    [InlineData("&amp", false)]
    public void In_an_attribute_a_legacy_name_without_semicolon_is_literal_unless_it_stands_alone(string text, bool literal) =>
        Assert.Equal(literal ? Outcome.Literal : Outcome.Unsure, CharacterReference.Read(text, inAttribute: true, out _, out _));
}
