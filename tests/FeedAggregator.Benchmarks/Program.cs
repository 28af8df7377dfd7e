namespace FeedAggregator.Benchmarks; public static class Program { public static void Main() { } }
