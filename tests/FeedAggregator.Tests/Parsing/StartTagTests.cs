using FeedAggregator.Parsing.Xml.Recovery;

namespace FeedAggregator.Tests.Parsing;

/// <summary>Start tags read tolerantly by the re-reader: quoting of every kind, tags left open.</summary>
public sealed class StartTagTests
{
    private static (bool Complete, StartTag Tag, string Attributes) Read(string text, int lt = 0)
    {
        var tag = new StartTag();
        var complete = tag.Read(text, lt);
        var attributes = string.Join(" ", tag.Attributes.Select(a => $"{a.Name}=[{(a.Start < 0 ? "" : text.Substring(a.Start, a.Length))}]"));
        return (complete, tag, attributes);
    }

    [Theory]
    [InlineData("<a>rest", "a", "", 3, false)]
    [InlineData("<a/>rest", "a", "", 4, true)]
    [InlineData("<a b = \"1\"  c= '2' d =3>x", "a", "b=[1] c=[2] d=[3]", 24, false)]
    [InlineData("<a b=\"\" c=''>", "a", "b=[] c=[]", 13, false)]
    [InlineData("<a href=x/y/>z", "a", "href=[x/y]", 13, true)]
    [InlineData("<a href=x/y>z", "a", "href=[x/y]", 12, false)]
    [InlineData("<a b=/>z", "a", "b=[]", 7, true)]
    [InlineData("<a checked x:y=\"v\">", "a", "checked=[] x:y=[v]", 19, false)]
    [InlineData("<a b=\"xy>z</a>", "a", "b=[xy]", 9, false)]
    [InlineData("<a b=\"xy<c>", "a", "b=[xy]", 8, false)]
    [InlineData("<a b=\">z</a>", "a", "b=[]", 7, false)]
    [InlineData("<a b=\"xy  <c>", "a", "b=[xy  ]", 10, false)]
    [InlineData("<a<b>", "a", "", 2, false)]
    public void Reads_the_name_attributes_and_end_of_a_tag(string text, string name, string attributes, int end, bool selfClosing)
    {
        var (complete, tag, read) = Read(text);

        Assert.True(complete);
        Assert.Equal(name, tag.Name);
        Assert.Equal(attributes, read);
        Assert.Equal(end, tag.End);
        Assert.Equal(selfClosing, tag.SelfClosing);
    }

    [Theory]
    [InlineData("<a href")]
    [InlineData("<a href=\"x")]
    [InlineData("<a ")]
    public void A_tag_cut_off_by_the_end_of_the_document_is_not_complete(string text)
    {
        var (complete, tag, _) = Read(text);

        Assert.False(complete);
        Assert.Equal(text.Length, tag.End);
    }

    [Fact]
    public void Reads_a_tag_in_the_middle_of_the_document_and_forgets_the_previous_one()
    {
        var tag = new StartTag();
        Assert.True(tag.Read("<x a=\"1\"/>", 0));

        const string text = "<rss><item id='7'>t</item></rss>";
        Assert.True(tag.Read(text, 5));

        Assert.Equal("item", tag.Name);
        Assert.False(tag.SelfClosing);
        var (attribute, start, length) = Assert.Single(tag.Attributes);
        Assert.Equal("id", attribute);
        Assert.Equal("7", text.Substring(start, length));
        Assert.Equal(18, tag.End);
    }
}
