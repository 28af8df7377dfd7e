using System.Globalization;
using System.Text;
using FeedAggregator.Processing.Html;

namespace FeedAggregator.Processing;

/// <summary>
/// What one entry's processing may cost (<see cref="ProcessingOptions"/>): its HTML is cut at
/// <c>MaxEntryHtmlBytes</c>, and once <c>MaxEntryTime</c> has passed, HTML still to be sanitized is
/// stored as its plain text, cut. Each cut is a warning for the feed's status, so an entry is never
/// dropped silently and one hostile entry cannot hold up the rest of its document or other feeds.
/// </summary>
internal sealed class EntryBudget : IDisposable
{
    /// <summary>The text kept of an entry whose HTML could not be sanitized in time: a long article's worth.</summary>
    internal const int FallbackTextLength = 20_000;

    private readonly ProcessingOptions _options;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _deadline;
    private readonly string _entry;
    private readonly ICollection<string> _warnings;
    private CancellationTokenSource? _timer;
    private bool _reportedTime;

    public EntryBudget(ProcessingOptions options, TimeProvider time, string entry, ICollection<string> warnings)
    {
        (_options, _time, _entry, _warnings) = (options, time, entry, warnings);
        _deadline = time.GetUtcNow() + options.MaxEntryTime;
    }

    public bool Exceeded => _time.GetUtcNow() >= _deadline;

    /// <summary><paramref name="html"/>, cut at <c>MaxEntryHtmlBytes</c> (before a tag where one is near) with a warning.</summary>
    public string? Cap(string? html, string field)
    {
        if (html is null)
            return null;
        if (!IsOverCap(html))
            return html;
        var cut = CutIndex(html, _options.MaxEntryHtmlBytes);
        var tag = html.LastIndexOf('<', cut - 1, Math.Min(cut, 4096));
        if (tag > 0)
            cut = tag; // not inside a tag
        _warnings.Add(string.Create(CultureInfo.InvariantCulture,
            $"entry {_entry}: its {field} of {Encoding.UTF8.GetByteCount(html) / 1024} KB was cut to {_options.MaxEntryHtmlBytes / 1024} KB (Processing:MaxEntryHtmlBytes)"));
        return html[..cut];
    }

    private bool IsOverCap(string? html) =>
        html is not null && html.Length > _options.MaxEntryHtmlBytes / 3 && Encoding.UTF8.GetByteCount(html) > _options.MaxEntryHtmlBytes;

    /// <summary>Sanitized <paramref name="html"/>, or its text, cut, when the budget is spent before or during the work.</summary>
    public string? Sanitize(ContentSanitizer sanitizer, string? html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
            return null;
        if (!Exceeded)
        {
            try
            {
                _timer ??= new CancellationTokenSource(_deadline - _time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, _time);
                var clean = sanitizer.Sanitize(html, baseUrl, _timer.Token);
                if (!IsOverCap(clean))
                    return clean;
                // The end tags of deep nesting, or the rel every link gets, can make the clean HTML outgrow the cap.
                _warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"entry {_entry}: its sanitized HTML is over {_options.MaxEntryHtmlBytes / 1024} KB (Processing:MaxEntryHtmlBytes); stored as text, cut to {FallbackTextLength} characters"));
                return AsText(html);
            }
            catch (OperationCanceledException)
            {
                // The full parse ran out of time: the text below is all that is kept.
            }
        }

        if (!_reportedTime)
        {
            _reportedTime = true;
            _warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"entry {_entry}: not processed within {_options.MaxEntryTime.TotalSeconds:0.###} s (Processing:MaxEntryTime); stored as text, cut to {FallbackTextLength} characters"));
        }

        return AsText(html);
    }

    /// <summary>The HTML's text in one paragraph, cut: escaped, so it is safe without a sanitizer.</summary>
    private static string? AsText(string html)
    {
        var text = HtmlText.ToPlainText(html);
        if (text.Length == 0)
            return null;
        var paragraph = new StringBuilder("<p>");
        MarkupEscaper.AppendText(paragraph, text.Length > FallbackTextLength ? HtmlText.FirstWords(text, FallbackTextLength) : text);
        return paragraph.Append("</p>").ToString();
    }

    /// <summary>The largest index whose prefix fits <paramref name="bytes"/> UTF-8 bytes, never inside a surrogate pair.</summary>
    private static int CutIndex(string html, int bytes)
    {
        var used = 0;
        for (var i = 0; i < html.Length; i++)
        {
            var size = char.IsHighSurrogate(html[i]) ? 4 : html[i] < 0x80 ? 1 : html[i] < 0x800 ? 2 : char.IsLowSurrogate(html[i]) ? 0 : 3;
            if (used + size > bytes)
                return i;
            used += size;
        }

        return html.Length;
    }

    public void Dispose() => _timer?.Dispose();
}
