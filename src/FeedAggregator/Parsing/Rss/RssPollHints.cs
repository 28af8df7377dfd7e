using System.Globalization;
using System.Xml.Linq;
using FeedAggregator.Parsing.Xml;

namespace FeedAggregator.Parsing.Rss;

/// <summary>Collects <see cref="PollHints"/> from channel elements; unreadable values are ignored.</summary>
internal sealed class RssPollHints
{
    private readonly HashSet<int> _skipHours = [];
    private readonly HashSet<DayOfWeek> _skipDays = [];
    private TimeSpan? _ttl;
    private TimeSpan? _period;
    private int _frequency = 1;

    /// <summary>True when <paramref name="field"/> was a hint (and is consumed).</summary>
    public bool Read(XmlField field)
    {
        var name = field.LocalName;
        if (field.Namespace == XmlNamespaces.Syndication.NamespaceName)
        {
            if (name == "updatePeriod")
                _period = PeriodOf(field.Text.Trim());
            else if (name == "updateFrequency" && int.TryParse(field.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f > 0)
                _frequency = f;
            return name is "updatePeriod" or "updateFrequency";
        }

        switch (name)
        {
            case "ttl" when int.TryParse(field.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes):
                _ttl = TimeSpan.FromMinutes(minutes);
                return true;
            case "skipHours":
                foreach (var hour in Children(field).Where(e => e.Name.LocalName == "hour"))
                {
                    // RSS 2.0 says 0-23; some feeds write 24 for midnight.
                    if (int.TryParse(hour.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h <= 24)
                        _skipHours.Add(h % 24);
                }

                return true;
            case "skipDays":
                foreach (var day in Children(field).Where(e => e.Name.LocalName == "day"))
                {
                    if (Enum.TryParse<DayOfWeek>(day.Value.Trim(), ignoreCase: true, out var d) && Enum.IsDefined(d))
                        _skipDays.Add(d);
                }

                return true;
            default:
                return false;
        }
    }

    public PollHints ToHints()
    {
        var sy = _period is { } period ? period / _frequency : (TimeSpan?)null;
        TimeSpan? interval = _ttl is { } ttl && ttl > (sy ?? TimeSpan.Zero) ? ttl : sy;
        return new PollHints { Interval = interval, SkipHours = _skipHours, SkipDays = _skipDays };
    }

    private static IEnumerable<XElement> Children(XmlField field) => field.Tree?.Elements() ?? [];

    private static TimeSpan? PeriodOf(string value) => value.ToLowerInvariant() switch
    {
        "hourly" => TimeSpan.FromHours(1),
        "daily" => TimeSpan.FromDays(1),
        "weekly" => TimeSpan.FromDays(7),
        "monthly" => TimeSpan.FromDays(30),
        "yearly" => TimeSpan.FromDays(365),
        _ => null,
    };
}
