using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedAggregator.Model;

/// <summary>
/// An author in JSON: written as {"name": ..., "email": ...} (absent values left out), read from
/// that or from a plain string, the name, which is how authors were stored before e-mail addresses
/// were kept. Old rows therefore read without a migration.
/// </summary>
public sealed class AuthorJsonConverter : JsonConverter<Author>
{
    public override Author? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new Author(reader.GetString(), null);
            case JsonTokenType.StartObject:
                string? name = null, email = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var property = reader.GetString();
                    reader.Read();
                    var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        reader.Skip();
                    if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase))
                        name = value;
                    else if (string.Equals(property, "email", StringComparison.OrdinalIgnoreCase))
                        email = value;
                }
                return new Author(name, email);
            default:
                throw new JsonException($"an author is a string or an object, not {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, Author value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Name is not null)
            writer.WriteString("name", value.Name);
        if (value.Email is not null)
            writer.WriteString("email", value.Email);
        writer.WriteEndObject();
    }
}
