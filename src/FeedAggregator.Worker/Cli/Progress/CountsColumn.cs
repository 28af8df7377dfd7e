using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FeedAggregator.Worker.Cli.Progress;

/// <summary>"1,234/10,000 feeds · 85.2/s · 3 errors": the bar's numbers.</summary>
internal sealed class CountsColumn(string unit) : ProgressColumn
{
    public const string ErrorsKey = "errors";

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var errors = task.State.Get<int>(ErrorsKey);
        var total = task.IsIndeterminate ? "?" : task.MaxValue.ToString("N0", CultureInfo.InvariantCulture);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{task.Value:N0}/{total} {unit} · {task.Speed ?? 0:0.0}/s · {errors:N0} {(errors == 1 ? "error" : "errors")}");
        return new Text(text, errors > 0 ? new Style(Color.Red) : Style.Plain);
    }
}
