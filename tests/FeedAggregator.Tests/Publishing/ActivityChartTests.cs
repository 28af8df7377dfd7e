using System.Text;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

public sealed class ActivityChartTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 42, 17, TimeSpan.Zero);

    private static string Chart(IReadOnlyDictionary<DateTimeOffset, int> newByHour)
    {
        var html = new StringBuilder();
        ActivityChart.Write(html, newByHour, Now);
        return html.ToString();
    }

    [Fact]
    public void An_hour_starts_on_the_hour_in_utc_and_the_chart_starts_47_hours_before_the_current_one()
    {
        var local = new DateTimeOffset(2026, 11, 26, 12, 42, 17, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), ActivityChart.HourOf(local));
        Assert.Equal(TimeSpan.Zero, ActivityChart.HourOf(local).Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero), ActivityChart.FirstHour(Now));
    }

    [Fact]
    public void Bars_are_scaled_to_the_busiest_hour_and_placed_by_their_hour()
    {
        var thisHour = ActivityChart.HourOf(Now);
        var html = Chart(new Dictionary<DateTimeOffset, int>
        {
            [thisHour] = 4,
            [thisHour.AddHours(-47)] = 1,
            [thisHour.AddHours(-10)] = 2,
            [thisHour.AddHours(-48)] = 9, // before the chart's first hour
        });

        Assert.Equal(3, html.Split("<rect ").Length - 1);
        // 48 bars 12 wide with a gap of 2; 80 high for the busiest hour; at least 1 for any.
        Assert.Contains("<rect x=\"0\" y=\"60\" width=\"12\" height=\"20\"><title>2026-11-24 11:00 UTC: 1 new article</title></rect>\n", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"518\" y=\"40\" width=\"12\" height=\"40\"><title>2026-11-26 00:00 UTC: 2 new articles</title></rect>\n", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"658\" y=\"0\" width=\"12\" height=\"80\"><title>2026-11-26 10:00 UTC: 4 new articles</title></rect>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_hour_beside_a_busy_one_still_gets_a_visible_bar()
    {
        var thisHour = ActivityChart.HourOf(Now);
        var html = Chart(new Dictionary<DateTimeOffset, int> { [thisHour] = 500, [thisHour.AddHours(-1)] = 1 });

        Assert.Contains("<rect x=\"644\" y=\"79\" width=\"12\" height=\"1\">", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"658\" y=\"0\" width=\"12\" height=\"80\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_is_a_titled_svg_figure_with_its_axis_labels_and_caption()
    {
        var thisHour = ActivityChart.HourOf(Now);
        var html = Chart(new Dictionary<DateTimeOffset, int> { [thisHour] = 4, [thisHour.AddHours(-3)] = 1 });

        Assert.StartsWith(
            "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 672 96\" width=\"672\" height=\"96\" role=\"img\" aria-labelledby=\"chart-title\">\n"
            + "<title id=\"chart-title\">5 new articles in the last 48 hours; at most 4 articles in one hour</title>\n"
            + "<line x1=\"0\" y1=\"80\" x2=\"672\" y2=\"80\" class=\"axis\"/>\n<rect ",
            html, StringComparison.Ordinal);
        Assert.EndsWith(
            "</rect>\n<text x=\"0\" y=\"93\">48 h ago</text>\n<text x=\"672\" y=\"93\" text-anchor=\"end\">now</text>\n"
            + "<text x=\"672\" y=\"10\" text-anchor=\"end\">4/h</text>\n"
            + "</svg>\n<figcaption>New articles per hour, last 48 hours (UTC)</figcaption>\n</figure>\n",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_new_articles_the_chart_has_no_bars_and_says_so()
    {
        var html = Chart(new Dictionary<DateTimeOffset, int>());

        Assert.DoesNotContain("<rect", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-title\">0 new articles in the last 48 hours; at most 0 articles in one hour</title>", html, StringComparison.Ordinal);
        Assert.Contains(">0/h</text>", html, StringComparison.Ordinal);
    }
}
