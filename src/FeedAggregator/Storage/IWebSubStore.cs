using FeedAggregator.Model;

namespace FeedAggregator.Storage;

/// <summary>
/// The WebSub subscriptions. A change of state that the schedule reads (verified, failed,
/// unsubscribing, pushed) also writes the feed's push columns, in the same transaction.
/// </summary>
public interface IWebSubStore
{
    /// <summary>Every subscription, unsubscribing ones too.</summary>
    Task<IReadOnlyList<HubSubscription>> ListAsync(CancellationToken cancellationToken);

    Task<HubSubscription?> FindAsync(string token, CancellationToken cancellationToken);

    /// <summary>
    /// A new subscription of the feed, requested at <paramref name="now"/>; null when the feed has
    /// one already (or no longer exists).
    /// </summary>
    Task<HubSubscription?> AddAsync(long feedId, HubLink link, string token, string secret, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A request was sent (renewal, retry): pending verification since <paramref name="now"/>; a failed one is subscribing again.</summary>
    Task RequestedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The hub verified the subscription with this lease. The feed's pushes are relied on until it
    /// ends; <paramref name="renewal"/> keeps the time pushes last showed they work.
    /// </summary>
    Task VerifiedAsync(long id, DateTimeOffset now, DateTimeOffset leaseUntil, bool renewal, CancellationToken cancellationToken);

    /// <summary>
    /// A request failed, was denied or not verified: retried at <paramref name="retryAt"/>. With
    /// <paramref name="keepVerified"/> (a renewal that failed) the running lease still holds.
    /// </summary>
    Task FailedAsync(long id, string error, DateTimeOffset retryAt, bool keepVerified, CancellationToken cancellationToken);

    /// <summary>Not wanted any more: to be unsubscribed (sent at <paramref name="requestedAt"/>, or not yet). Pushes are no longer relied on.</summary>
    Task UnsubscribingAsync(long id, DateTimeOffset? requestedAt, CancellationToken cancellationToken);

    Task DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>The hub pushed content that verified: counted, and the feed's pushes shown to work.</summary>
    Task PushedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A push whose signature did not verify: counted.</summary>
    Task RejectedAsync(long id, CancellationToken cancellationToken);
}
