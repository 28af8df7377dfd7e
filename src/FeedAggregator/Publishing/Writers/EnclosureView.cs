using FeedAggregator.Model;

namespace FeedAggregator.Publishing.Writers;

/// <summary>An enclosure ready to write: a media type only when it has the type/subtype shape.</summary>
internal sealed record EnclosureView(string Url, string? MediaType, long? Length)
{
    /// <summary>RSS requires a type and JSON Feed a mime_type; this is what "unknown" is there.</summary>
    public const string UnknownMediaType = "application/octet-stream";

    public static EnclosureView? From(Enclosure enclosure)
    {
        var url = CharacterFilter.Strip(enclosure.Url).Trim();
        if (url.Length == 0)
        {
            return null;
        }

        var type = CharacterFilter.StripOrNull(enclosure.Type)?.Trim();
        var slash = type?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var validType = slash > 0 && slash < type!.Length - 1 && !type.Any(char.IsControl) ? type : null;
        var length = enclosure.Length is > 0 ? enclosure.Length : null;
        return new EnclosureView(url, validType, length);
    }
}
