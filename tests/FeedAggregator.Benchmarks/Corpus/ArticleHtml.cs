using System.Globalization;
using System.Text;

namespace FeedAggregator.Benchmarks.Corpus;

/// <summary>
/// Article HTML as blogs and news sites put it in their feeds, several KB an entry: paragraphs
/// with links and entities, images with srcset, headings, lists, tables, a quote, a video embed,
/// an Arabic passage, the "appeared first on" footer and a tracking pixel. Deterministic for a seed.
/// The sanitizer's differential test runs on it too (the file is linked into the test project).
/// </summary>
public sealed class ArticleHtml(int seed)
{
    private static readonly string[] Sentences =
    [
        "The council met on Tuesday to discuss the new budget, which includes funding for three libraries.",
        "Critics say the plan &ldquo;does not go far enough&rdquo;, while supporters call it a first step.",
        "Rainfall this spring was 40&nbsp;% above the ten-year average, according to the weather service.",
        "The company&#8217;s shares rose 3.2&#x25; after the announcement &mdash; the biggest gain since March.",
        "Researchers at the university published their findings in a peer-reviewed journal last week.",
        "Residents can comment on the proposal until 15 May &amp; a public hearing follows in June.",
        "&laquo;We are pleased with the result,&raquo; said the mayor, adding that work starts next year.",
        "Prices for fruit &amp; vegetables fell slightly, while energy costs stayed high at &euro;0.32 per kWh.",
    ];

    private static readonly string[] Arabic =
    [
        "أعادت المكتبة العامة فتح أبوابها بعد ترميم دام عامين، وسط حضور كبير من سكان المدينة.",
        "وقال مدير المكتبة إن المبنى الجديد يضم قاعة للقراءة وأخرى للأطفال ومساحة للمعارض.",
        "وتأتي هذه الخطوة ضمن خطة أوسع لتطوير المرافق الثقافية في المنطقة خلال السنوات المقبلة.",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One article of about <paramref name="paragraphs"/> paragraphs and their furniture.</summary>
    public string Article(int id, int paragraphs = 8)
    {
        var site = $"https://news{id % 17}.example.com";
        var html = new StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            Paragraph(html, site, id);
            switch ((p + id) % 7)
            {
                case 1:
                    Figure(html, site, id, p);
                    break;
                case 2:
                    html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"part-{p}\">Part {p}: what it means &amp; why</h2>\n");
                    break;
                case 3:
                    html.Append("<ul>\n");
                    for (var i = 0; i < 4; i++)
                        html.Append("<li>").Append(Sentence()).Append("</li>\n");
                    html.Append("</ul>\n");
                    break;
                case 4 when p % 2 == 0:
                    Table(html);
                    break;
                case 5:
                    html.Append("<blockquote class=\"wp-block-quote\"><p>").Append(Sentence()).Append("</p><cite>A resident</cite></blockquote>\n");
                    break;
                case 6:
                    html.Append(CultureInfo.InvariantCulture,
                        $"<figure class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\"><iframe title=\"Video {id}\" width=\"640\" height=\"360\" src=\"https://www.youtube.com/embed/v{id:x}{p}?feature=oembed\" frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media\" referrerpolicy=\"strict-origin-when-cross-origin\" allowfullscreen></iframe></div></figure>\n");
                    break;
            }
        }

        html.Append("<p dir=\"rtl\" lang=\"ar\">").Append(Arabic[id % Arabic.Length]).Append(' ').Append(Arabic[(id + 1) % Arabic.Length]).Append("</p>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>The post <a rel=\"nofollow\" href=\"{site}/{2024}/{id}/story/\">Story {id}</a> appeared first on <a rel=\"nofollow\" href=\"{site}\">News {id % 17}</a>.</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"https://feeds.example.net/~r/news/~4/{id}\" height=\"1\" width=\"1\" alt=\"\"/>");
        return html.ToString();
    }

    private void Paragraph(StringBuilder html, string site, int id)
    {
        html.Append("<p>").Append(Sentence()).Append(' ');
        html.Append(CultureInfo.InvariantCulture,
            $"<a href=\"{site}/{2024}/0{1 + (id % 9)}/related-{_random.Next(1000)}/?utm_source=rss&amp;utm_medium=rss\">read the background</a>, ");
        html.Append(Sentence()).Append(" <strong>").Append(Sentence()[..24]).Append("</strong> ");
        html.Append(Sentence()).Append(" <em>").Append(Sentence()[..18]).Append("</em>.</p>\n");
    }

    private void Figure(StringBuilder html, string site, int id, int p)
    {
        var image = $"{site}/wp-content/uploads/2024/01/photo-{id}-{p}";
        html.Append(CultureInfo.InvariantCulture,
            $"<figure class=\"wp-block-image size-large\"><img loading=\"lazy\" decoding=\"async\" width=\"1024\" height=\"683\" src=\"{image}-1024x683.jpg\" alt=\"Photo {p} of story {id}\" class=\"wp-image-{id}{p}\" srcset=\"{image}-1024x683.jpg 1024w, {image}-300x200.jpg 300w, {image}-768x512.jpg 768w, {image}.jpg 1600w\" sizes=\"(max-width: 1024px) 100vw, 1024px\" /><figcaption class=\"wp-element-caption\">Photo: &copy; Agency &ndash; {Sentence()[..30]}</figcaption></figure>\n");
    }

    private void Table(StringBuilder html)
    {
        html.Append("<figure class=\"wp-block-table\"><table><thead><tr><th>District</th><th>2023</th><th>2024</th></tr></thead><tbody>\n");
        for (var row = 0; row < 5; row++)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>District {row + 1}</td><td>{_random.Next(100, 999)}</td><td>{_random.Next(100, 999)}&nbsp;&#8364;</td></tr>\n");
        html.Append("</tbody></table><figcaption>Source: city statistics</figcaption></figure>\n");
    }

    private string Sentence() => Sentences[_random.Next(Sentences.Length)];
}
