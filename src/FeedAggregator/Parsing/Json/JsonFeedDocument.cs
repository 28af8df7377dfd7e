using System.Text.Json;

namespace FeedAggregator.Parsing.Json;

/// <summary>The top-level members of a JSON Feed and its items, read one value at a time.</summary>
internal sealed class JsonFeedDocument(int maxItems)
{
    private readonly Dictionary<string, JsonElement> _top = new(StringComparer.Ordinal);
    private readonly List<JsonElement> _items = [];

    public IReadOnlyList<JsonElement> Items => _items;
    public int SkippedItems { get; private set; }

    /// <summary>The document has an "items" array (possibly empty).</summary>
    public bool HasItems { get; private set; }

    /// <summary>A top-level member, or an undefined element when absent.</summary>
    public JsonElement Top(string name) => _top.GetValueOrDefault(name);

    /// <summary>Reads the document; false when it is not a JSON object. Throws JsonException where it breaks.</summary>
    public bool Read(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = maxDepth,
        });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            if (name == "items" && reader.TokenType == JsonTokenType.StartArray)
            {
                HasItems = true;
                ReadItems(ref reader);
            }
            else
                _top[name] = JsonElement.ParseValue(ref reader);
        }
        return true;
    }

    private void ReadItems(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (_items.Count < maxItems)
            {
                _items.Add(JsonElement.ParseValue(ref reader));
                continue;
            }
            SkippedItems++;
            reader.Skip();
        }
    }
}
