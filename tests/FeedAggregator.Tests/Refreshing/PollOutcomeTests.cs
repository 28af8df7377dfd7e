using FeedAggregator.Fetching;
using FeedAggregator.Refreshing;

namespace FeedAggregator.Tests.Refreshing;

/// <summary>The outcome and error labels of feedagg_polls_total, as README.md lists them.</summary>
public sealed class PollOutcomeTests
{
    [Fact]
    public void The_outcomes_are_the_documented_labels()
    {
        Assert.Equal(
            ["new", "not_modified", "unchanged_body", "gone", "held"],
            [PollOutcome.New.Name, PollOutcome.NotModified.Name, PollOutcome.UnchangedBody.Name, PollOutcome.Gone.Name, PollOutcome.Held.Name]);
        Assert.Equal(new PollOutcome("error", "parse"), PollOutcome.Error("parse"));
    }

    [Theory]
    [InlineData(FetchFailure.Http, 400, "http_4xx")]
    [InlineData(FetchFailure.Http, 499, "http_4xx")]
    [InlineData(FetchFailure.Http, 500, "http_5xx")]
    [InlineData(FetchFailure.Http, 503, "http_5xx")]
    [InlineData(FetchFailure.Timeout, null, "timeout")]
    [InlineData(FetchFailure.TooLarge, 200, "too_large")]
    [InlineData(FetchFailure.Redirect, 301, "redirect")]
    [InlineData(FetchFailure.Network, null, "network")]
    public void A_failed_fetch_is_classed_by_what_kept_the_answer_from_arriving(FetchFailure failure, int? status, string errorClass)
    {
        var fetch = new FetchResult { Outcome = FetchOutcome.Failed, Failure = failure, StatusCode = status, FinalUrl = new Uri("https://a.example/feed") };

        Assert.Equal(new PollOutcome("error", errorClass), PollOutcome.FetchError(fetch));
    }
}
