using FeedAggregator.Storage;
using FeedAggregator.Worker.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FeedAggregator.Tests.Worker.Cli;

/// <summary>The one line a failed start prints: each known failure named, anything else left to surface as a bug.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public void Every_failure_of_an_options_section_is_listed_under_the_section_name()
    {
        var failed = new OptionsValidationException("", typeof(StorageOptions), ["Storage:Database is required.", "Storage:Provider is unknown."]);

        Assert.Equal("configuration section 'Storage' is invalid: Storage:Database is required. Storage:Provider is unknown.", StartupError.Describe(failed));
    }

    [Fact]
    public void A_configuration_problem_and_a_storage_one_say_which_they_are()
    {
        var storage = new SqliteException("SQLite Error 26: 'file is not a database'.", 26);

        Assert.Equal("configuration: No configuration section 'Feeds' was found.", StartupError.Describe(new InvalidOperationException("No configuration section 'Feeds' was found.")));
        Assert.Equal("storage: " + storage.Message, StartupError.Describe(storage));
        Assert.Null(StartupError.Describe(new InvalidOperationException("Sequence contains no elements")));
    }

    [Fact]
    public void Several_failures_at_once_are_joined_and_unknown_ones_left_out()
    {
        var all = new AggregateException(new IOException("disk full"), new NotSupportedException("a bug"), new InvalidDataException("bad OPML"));

        Assert.Equal("disk full; bad OPML", StartupError.Describe(all));
        Assert.Null(StartupError.Describe(new AggregateException(new NotSupportedException("a bug"))));
    }
}
