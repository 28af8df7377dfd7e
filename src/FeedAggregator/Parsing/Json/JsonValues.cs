using System.Globalization;
using System.Text.Json;
using FeedAggregator.Model;
using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Json;

/// <summary>Tolerant reads from JSON Feed values: a value of the wrong kind is treated as absent.</summary>
internal static class JsonValues
{
    public static JsonElement Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : default;

    public static string? String(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    public static string? String(JsonElement obj, string name) => String(Property(obj, name));

    /// <summary>A string, or a number written as text (ids are sometimes numbers).</summary>
    public static string? StringOrNumber(JsonElement obj, string name)
    {
        var value = Property(obj, name);
        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : String(value);
    }

    public static long? Length(JsonElement obj, string name)
    {
        var value = Property(obj, name);
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetInt64(out var number) && number >= 0 ? number : null;
        return long.TryParse(String(value), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static IEnumerable<JsonElement> Array(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    /// <summary>JSON Feed 1.1 "authors"[], else 1.0 "author": their names, and e-mails from a mailto: url.</summary>
    public static List<Author> Authors(JsonElement authors, JsonElement author)
    {
        var all = Array(authors).ToList();
        if (all.Count == 0 && author.ValueKind == JsonValueKind.Object)
            all.Add(author);
        var result = new List<Author>(all.Count);
        foreach (var person in all)
        {
            var url = String(person, "url");
            var email = url is not null && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url : null;
            AuthorText.Add(result, AuthorText.Of(String(person, "name"), email));
        }
        return result;
    }
}
