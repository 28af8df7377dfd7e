using System.Globalization;
using System.Text;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// New articles per hour over the last 48 hours as an inline SVG bar chart: drawn on the server,
/// readable without JavaScript, each bar titled with its hour and count for a hover or a screen reader.
/// </summary>
public static class ActivityChart
{
    public const int Hours = 48;
    private const int BarWidth = 12;
    private const int Gap = 2;
    private const int Height = 80;
    private const int Axis = 16; // room below the bars for the labels

    /// <summary>The start of the hour <paramref name="time"/> is in (UTC).</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>The first hour the chart shows: 47 hours before the current one.</summary>
    public static DateTimeOffset FirstHour(DateTimeOffset now) => HourOf(now).AddHours(-(Hours - 1));

    public static void Write(StringBuilder html, IReadOnlyDictionary<DateTimeOffset, int> newByHour, DateTimeOffset now)
    {
        var first = FirstHour(now);
        var counts = Enumerable.Range(0, Hours).Select(i => newByHour.GetValueOrDefault(first.AddHours(i))).ToArray();
        var total = counts.Sum();
        var max = Math.Max(1, counts.Max());
        var width = Hours * (BarWidth + Gap);
        html.Append(CultureInfo.InvariantCulture,
                $"<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {Height + Axis}\" width=\"{width}\" height=\"{Height + Axis}\" role=\"img\" aria-labelledby=\"chart-title\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">{Plural.Of(total, "new article")} in the last {Hours} hours; at most {Plural.Of(counts.Max(), "article")} in one hour</title>\n")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height}\" x2=\"{width}\" y2=\"{Height}\" class=\"axis\"/>\n");
        for (var i = 0; i < Hours; i++)
        {
            if (counts[i] == 0)
                continue;
            var barHeight = Math.Max(1, (int)Math.Round(counts[i] * (double)Height / max));
            html.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{i * (BarWidth + Gap)}\" y=\"{Height - barHeight}\" width=\"{BarWidth}\" height=\"{barHeight}\"><title>{first.AddHours(i):yyyy-MM-dd HH}:00 UTC: {Plural.Of(counts[i], "new article")}</title></rect>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Height + Axis - 3}\">{Hours} h ago</text>\n")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"{Height + Axis - 3}\" text-anchor=\"end\">now</text>\n")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"10\" text-anchor=\"end\">{counts.Max()}/h</text>\n")
            .Append("</svg>\n<figcaption>New articles per hour, last ").Append(Hours).Append(" hours (UTC)</figcaption>\n</figure>\n");
    }
}
