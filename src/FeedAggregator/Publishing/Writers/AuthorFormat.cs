using FeedAggregator.Model;

namespace FeedAggregator.Publishing.Writers;

/// <summary>
/// How the merged feed names an author, in every format: the name, else the e-mail address. The
/// one place to change when a format learns to carry the e-mail too (Atom's email element).
/// </summary>
internal static class AuthorFormat
{
    public static string Display(Author author) => author.Label;
}
