using FeedAggregator.Worker.Cli;
using FeedAggregator.Worker.Hosting;

// First, so that the other core prepares what this start will run while this one begins it.
StartupProfile.Start(args);
return await CliApp.RunAsync(args);
