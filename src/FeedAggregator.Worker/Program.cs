using FeedAggregator.Worker.Cli;

return await CliApp.RunAsync(args);
