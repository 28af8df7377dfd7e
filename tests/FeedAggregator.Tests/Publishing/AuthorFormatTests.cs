using FeedAggregator.Model;
using FeedAggregator.Publishing.Writers;

namespace FeedAggregator.Tests.Publishing;

/// <summary>The merged feed names an author by name, else by e-mail; a name alone reads as it always did.</summary>
public sealed class AuthorFormatTests
{
    [Theory]
    [InlineData("Jane Doe", null, "Jane Doe")]
    [InlineData("Jane Doe", "jane@example.com", "Jane Doe")]
    [InlineData(null, "jane@example.com", "jane@example.com")]
    public void Shows_the_name_else_the_email(string? name, string? email, string expected)
    {
        Assert.Equal(expected, AuthorFormat.Display(new Author(name, email)));
    }
}
