using FeedAggregator.Processing;

namespace FeedAggregator.Tests.Processing.Html;

/// <summary>
/// The fast path on the constructs where it must hand over to the slow path (the tree builder
/// would move, close or reread something) or may keep the document: either way the result is the
/// slow path's, character for character.
/// </summary>
public sealed class FastSanitizerTests
{
    private static readonly ContentSanitizer Sanitizer = new();
    private static readonly Uri Base = new("https://example.org/blog/post/");

    [Theory]
    // A start tag that closes an open p (the tree builder ends the paragraph first).
    [InlineData("<p>a<blockquote>b</blockquote>c</p>")]
    [InlineData("<p>a<details>b</details>c</p>")]
    [InlineData("<p>a<div>b</div>c</p>")]
    [InlineData("<p>a<dl><dt>b</dt></dl>c</p>")]
    [InlineData("<p>a<figcaption>b</figcaption>c</p>")]
    [InlineData("<p>a<figure>b</figure>c</p>")]
    [InlineData("<p>a<ol><li>b</li></ol>c</p>")]
    [InlineData("<p>a<p>b</p>c</p>")]
    [InlineData("<p>a<summary>b</summary>c</p>")]
    [InlineData("<p>a<ul><li>b</li></ul>c</p>")]
    [InlineData("<p>a<h1>b</h1>c</p>")]
    [InlineData("<p>a<h2>b</h2>c</p>")]
    [InlineData("<p>a<h3>b</h3>c</p>")]
    [InlineData("<p>a<h4>b</h4>c</p>")]
    [InlineData("<p>a<h5>b</h5>c</p>")]
    [InlineData("<p>a<h6>b</h6>c</p>")]
    [InlineData("<p>a<pre>b</pre>c</p>")]
    [InlineData("<p>a<table><tbody><tr><td>b</td></tr></tbody></table>c</p>")]
    [InlineData("<p>a<hr>c</p>")]
    [InlineData("<p><b>a<div>b</div>c</b></p>")]
    // A heading in a heading closes the first.
    [InlineData("<h1>a<h2>b</h2>c</h1>")]
    [InlineData("<h3>a<h4>b</h4>c</h3>")]
    [InlineData("<h5>a<h6>b</h6>c</h5>")]
    // Text between table parts is moved out of the table.
    [InlineData("<table>x<tbody><tr><td>a</td></tr></tbody></table>")]
    [InlineData("<table><thead>x<tr><td>a</td></tr></thead></table>")]
    [InlineData("<table><tbody>x<tr><td>a</td></tr></tbody></table>")]
    [InlineData("<table><tfoot>x<tr><td>a</td></tr></tfoot></table>")]
    [InlineData("<table><tbody><tr>x<td>a</td></tr></tbody></table>")]
    [InlineData("<table><colgroup>x<col></colgroup></table>")]
    [InlineData("<table><tbody> <tr> <td>a</td> </tr> </tbody> </table>")]
    [InlineData("<table>&amp;<tbody><tr><td>a</td></tr></tbody></table>")]
    [InlineData("<table>><tbody><tr><td>a</td></tr></tbody></table>")]
    [InlineData("<table>\u00A0<tbody><tr><td>a</td></tr></tbody></table>")]
    [InlineData("<table>< <tbody><tr><td>a</td></tr></tbody></table>")]
    // An item in an open item of its kind closes it.
    [InlineData("<ul><li>a<li>b</li></li></ul>")]
    [InlineData("<dl><dt>a<dt>b</dt></dt></dl>")]
    [InlineData("<dl><dd>a<dd>b</dd></dd></dl>")]
    [InlineData("<ruby>a<rt>b<rt>c</rt></rt></ruby>")]
    [InlineData("<ruby>a<rp>b<rp>c</rp></rp></ruby>")]
    [InlineData("<a href=\"/x\">a<a href=\"/y\">b</a></a>")]
    // End tags the tokenizer reads on its own terms.
    [InlineData("<p>a</p")]
    [InlineData("<p>a</p ")]
    [InlineData("<p>a</p  ")]
    [InlineData("<p>a</p x>b")]
    [InlineData("<p>a</b>c</p>")]
    [InlineData("a</>b")]
    // Start tags and attributes.
    [InlineData("<p")]
    [InlineData("<p ")]
    [InlineData("<p/>x")]
    [InlineData("<b/>x</b>")]
    [InlineData("a<br/x>b")]
    [InlineData("a<br/")]
    [InlineData("a<br/ >b")]
    [InlineData("<p title")]
    [InlineData("<p title ")]
    [InlineData("<p title  ")]
    [InlineData("<p title=")]
    [InlineData("<p title= ")]
    [InlineData("<p title=\"x")]
    [InlineData("<p title=\"x\"y>z</p>")]
    [InlineData("<p title=a=b>z</p>")]
    [InlineData("<p title=a<b>z</p>")]
    [InlineData("<p title=>z</p>")]
    [InlineData("<p \"x\">z</p>")]
    [InlineData("<p title=\"a\r\nb\" lang=\"x\ry\">z</p>")]
    [InlineData("<p title=\"a\r\">z</p>")]
    [InlineData("<p title=\"\rb\">z</p>")]
    [InlineData("<p title=\"a&#0;b\">z</p>")]
    [InlineData("<p title=\"a\0b\">z</p>")]
    [InlineData("<p title=\"first\" TITLE=\"second\">z</p>")]
    [InlineData("<img src=\"https://t.example/p.gif\" style=\"border:&#0;;width:1px;height:1px\">")]
    [InlineData("<img src=\"https://t.example/p.gif\" style=\"width:1px;height:1px\" style=\"width:600px;height:400px\">")]
    [InlineData("<img src=\"https://t.example/a.gif\" style=\"width:600px;height:400px\" style=\"width:1px;height:1px\">")]
    [InlineData("<p style=\"x\" style=\"y\">z</p>")]
    [InlineData("<img src=\"a.png\" srcset=\",\">")]
    [InlineData("<img src=\"a.png\" srcset=\" \">")]
    [InlineData("<pre>")]
    [InlineData("<pre>\nx</pre>")]
    [InlineData("<pre>&#10;x</pre>")]
    // An iframe's content is raw text up to its end tag.
    [InlineData("a<iframe src=\"https://www.youtube.com/embed/abc\"></iframe")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe ><p>a</p></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe/><p>a</p></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/abc\"><p>x</iframes></iframe><p>a</p>")]
    [InlineData("<iframe src=\"//www.youtube.com/embed/abc\"></iframe>")]
    // Line ends, comments and bogus comments.
    [InlineData("a\rb\r\nc\n\rd")]
    [InlineData("a\r")]
    [InlineData("a<!----!>b")]
    [InlineData("a<!--x--!>b-->c")]
    [InlineData("a<!---->--!>b")]
    [InlineData("a<!--x-->b--!>c")]
    [InlineData("a<!-->b")]
    [InlineData("a<!--->b")]
    [InlineData("a<!--x")]
    [InlineData("a<!doctype html>b")]
    [InlineData("a<!x>b<?y?>c")]
    [InlineData("a<!x")]
    public void Irregular_markup_comes_out_as_the_slow_path_writes_it(string html) =>
        Assert.Equal(Sanitizer.SanitizeWithoutFastPath(html, Base), Sanitizer.Sanitize(html, Base));

    [Theory]
    [InlineData("<p>a</p >b")]
    [InlineData("<p>a<br/>b<br />c</p>")]
    [InlineData("<p title = \"x\" lang =en dir= 'rtl'>a</p>")]
    [InlineData("<p title =\"x\">a</p>")]
    [InlineData("<p title= \"x\">a</p>")]
    [InlineData("a<!----!>b<!--x--!>c<!---->d")]
    [InlineData("<table><caption>c</caption><colgroup><col span=\"2\"></colgroup><thead><tr><th>h</th></tr></thead><tbody><tr><td>a</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>")]
    [InlineData("<ul><li>a</li></ul><ol><li>b</li></ol>")]
    [InlineData("<dl><dt>t</dt><dd>d</dd></dl>")]
    [InlineData("<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>")]
    [InlineData("<p><b>a</b><a href=\"/x\">b</a><a href=\"/y\">c</a></p><div><p>d</p></div>")]
    public void Well_formed_markup_takes_the_fast_path(string html)
    {
        Assert.True(Sanitizer.TryFastPath(html, Base, out var clean));
        Assert.Equal(Sanitizer.SanitizeWithoutFastPath(html, Base), clean);
    }

    [Theory]
    [InlineData("3 < 4")]
    [InlineData("a <\tb")]
    [InlineData("a <\nb")]
    [InlineData("a <")]
    public void An_inline_value_with_a_lone_less_than_sign_takes_the_fast_path(string html)
    {
        Assert.True(Sanitizer.TryFastPath(html, Base, out var clean, inline: true));
        Assert.Equal(Sanitizer.SanitizeWithoutFastPath(html, Base, inline: true), clean);
    }

    // A title's emphasis and line breaks: written as the XHTML formatter writes them.
    [Theory]
    [InlineData("a<b>c</b>")]
    [InlineData("a<1")]
    [InlineData("Ada &amp; Grace<br/> on compilers")]
    [InlineData("Why <em>lexers</em> matter")]
    [InlineData("<strong>Bold <em>and &lt;both&gt;</em></strong>&nbsp;x<br>y<hr>")]
    [InlineData("<code>a &amp;&amp; b</code> <sup>2</sup> <i>open")]
    [InlineData("<b> </b><!-- gone -->")]
    public void An_inline_value_of_plain_elements_takes_the_fast_path(string html)
    {
        Assert.True(Sanitizer.TryFastPath(html, Base, out var clean, inline: true));
        Assert.Equal(Sanitizer.SanitizeWithoutFastPath(html, Base, inline: true), clean);
    }

    // Attributes, links, pictures, and elements left empty (written self-closed) are the formatter's.
    [Theory]
    [InlineData("<b class=\"x\">c</b>")]
    [InlineData("<a href=\"/x\">x</a>")]
    [InlineData("<a>x</a>")]
    [InlineData("<img src=\"a.png\">")]
    [InlineData("a<em></em>b")]
    [InlineData("a<em><!-- gone --></em>b")]
    [InlineData("a<em>")]
    public void An_inline_value_with_attributes_links_or_empty_elements_is_left_to_the_full_formatter(string html) =>
        Assert.False(Sanitizer.TryFastPath(html, Base, out _, inline: true));
}
