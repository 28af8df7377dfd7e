using System.Text.Json.Serialization;

namespace FeedAggregator.Model;

/// <summary>
/// A person credited with an article: a name, an e-mail address, or both. Feeds write authors as
/// "Jane Doe &lt;jane@example.com&gt;", "jane@example.com (Jane Doe)" or in separate elements; the
/// parser splits them, so the same person reads the same whatever the shape.
/// </summary>
[JsonConverter(typeof(AuthorJsonConverter))]
public sealed record Author(string? Name, string? Email)
{
    /// <summary>What a reader is shown: the name, else the e-mail address.</summary>
    public string Label => Name ?? Email ?? "";

    /// <summary>
    /// A bare string is a name: that is what authors were before e-mail addresses were kept, so
    /// code and stored rows that list names still read as authors.
    /// </summary>
    public static implicit operator Author(string name) => new(name, null);
}
