namespace FeedAggregator.Seeding;

/// <summary>
/// How far a seed import is: the number of seed files once they are listed, then each file as it
/// is read and processed (<paramref name="Problem"/> says why one was skipped).
/// </summary>
public readonly record struct SeedProgress(int Total, int Done, string? File, string? Problem);
