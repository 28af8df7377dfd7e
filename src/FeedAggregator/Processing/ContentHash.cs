using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using FeedAggregator.Model;

namespace FeedAggregator.Processing;

/// <summary>
/// The hash of everything published about an article: SHA-256 of its fields as JSON. The JSON is
/// written field by field, byte for byte what <see cref="JsonSerializer"/> makes of the same
/// fields in an object (a test holds it to that): stored hashes keep their meaning, while the
/// HTML, which the serializer escapes a character at a time, is escaped a run at a time here.
/// </summary>
internal static class ContentHash
{
    // A buffer grown past this by one huge article is let go rather than kept for the thread's life.
    private const int KeptCapacity = 256 * 1024;

    // Every article is hashed: new buffers and a writer for each were a third of what a poll's
    // processing allocated. Of runs start to end on one thread, so each thread keeps its own set.
    [ThreadStatic]
    private static Scratch? t_scratch;

    public static string Of(Article article)
    {
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        var buffer = scratch.Buffer;
        var literal = scratch.Literal;
        buffer.ResetWrittenCount();
        var json = scratch.Json;
        json.Reset(buffer);

        void WriteString(string name, string? value)
        {
            json.WritePropertyName(name);
            WriteStringValue(value);
        }

        void WriteStringValue(string? value)
        {
            if (value is null)
            {
                json.WriteNullValue();
                return;
            }

            literal.ResetWrittenCount();
            SerializerEscaping.WriteLiteral(value, literal);
            json.WriteRawValue(literal.WrittenSpan, skipInputValidation: true);
        }

        json.WriteStartObject();
        WriteString("Url", article.Url);
        WriteString("Title", article.Title);
        WriteString("SummaryHtml", article.SummaryHtml);
        WriteString("ContentHtml", article.ContentHtml);
        json.WriteStartArray("Authors");
        foreach (var author in article.Authors)
        {
            // A name or an e-mail alone hashes as the bare string authors were before both were
            // kept, so stored articles are not all rewritten (and shown as updated) after an upgrade.
            if (author.Name is null || author.Email is null)
            {
                WriteStringValue(author.Label);
                continue;
            }

            json.WriteStartObject();
            WriteString("name", author.Name);
            WriteString("email", author.Email);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("Categories");
        foreach (var category in article.Categories)
            WriteStringValue(category);
        json.WriteEndArray();
        json.WriteStartArray("Enclosures");
        foreach (var enclosure in article.Enclosures)
        {
            json.WriteStartObject();
            WriteString("Url", enclosure.Url);
            WriteString("Type", enclosure.Type);
            if (enclosure.Length is { } length)
                json.WriteNumber("Length", length);
            else
                json.WriteNull("Length");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteDate(json, "Published", article.Published);
        WriteDate(json, "Updated", article.Updated);
        WriteString("Language", article.Language);
        json.WriteEndObject();
        json.Flush();

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        if (buffer.Capacity <= KeptCapacity && literal.Capacity <= KeptCapacity)
            t_scratch = scratch;
        return Convert.ToHexStringLower(digest[..16]);
    }

    private sealed class Scratch
    {
        public Scratch() => Json = new Utf8JsonWriter(Buffer);

        public ArrayBufferWriter<byte> Buffer { get; } = new(8192);

        public ArrayBufferWriter<byte> Literal { get; } = new(4096);

        public Utf8JsonWriter Json { get; }
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date)
            json.WriteString(name, date);
        else
            json.WriteNull(name);
    }
}
