using FeedAggregator.Model;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Subscriptions;

/// <summary>
/// Changes to the subscription list from the CLI. The OPML file is the list the user owns, so
/// every change is written there first, then synced into the store: the two stay in step.
/// </summary>
public sealed class SubscriptionList(SubscriptionSync sync, IOptions<FeedsOptions> options)
{
    private string Path => options.Value.File;

    public IReadOnlyList<Subscription> Read() => File.Exists(Path) ? OpmlFile.Read(Path) : [];

    /// <summary>Adds a feed (or updates its title and category); false when the URL is not http(s).</summary>
    public async Task<bool> AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(subscription.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return false;
        var normalised = subscription with { Url = url.AbsoluteUri };
        var list = Read().Where(s => s.Url != normalised.Url).Append(normalised).ToList();
        await SaveAsync(list, cancellationToken);
        return true;
    }

    /// <summary>Removes a feed; false when it was not subscribed.</summary>
    public async Task<bool> RemoveAsync(string url, CancellationToken cancellationToken)
    {
        var normalised = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : url;
        var list = Read().ToList();
        if (list.RemoveAll(s => s.Url == normalised || s.Url == url) == 0)
            return false;
        await SaveAsync(list, cancellationToken);
        return true;
    }

    /// <summary>Adds every feed of another OPML file that is not subscribed yet; returns how many.</summary>
    public async Task<int> ImportAsync(string opmlPath, CancellationToken cancellationToken, IProgress<ImportProgress>? progress = null)
    {
        var incoming = OpmlFile.Read(opmlPath);
        var list = Read().ToList();
        var known = list.Select(s => s.Url).ToHashSet(StringComparer.Ordinal);
        var added = incoming.Where(s => known.Add(s.Url)).ToList();
        progress?.Report(new ImportProgress(incoming.Count, added.Count, Subscribed: false));
        list.AddRange(added);
        await SaveAsync(list, cancellationToken);
        progress?.Report(new ImportProgress(incoming.Count, added.Count, Subscribed: true));
        return added.Count;
    }

    /// <summary>
    /// Writes a feed's new URL (after a permanent redirect, already moved in the store) back to the
    /// OPML file, keeping its title, folder and interval; false when the file does not list it.
    /// </summary>
    public bool Move(string oldUrl, string newUrl)
    {
        var list = Read().ToList();
        var index = list.FindIndex(s => s.Url == oldUrl);
        if (index < 0)
            return false;
        list[index] = list[index] with { Url = newUrl };
        OpmlFile.Write(Path, list);
        return true;
    }

    private async Task SaveAsync(IReadOnlyList<Subscription> list, CancellationToken cancellationToken)
    {
        OpmlFile.Write(Path, list);
        await sync.SyncAsync(cancellationToken);
    }
}
