using System.Text.RegularExpressions;
using FeedAggregator.Model;

namespace FeedAggregator.Parsing.Text;

/// <summary>
/// One author written as text (RSS author, dc:creator, itunes:author, an Atom name) split into name
/// and e-mail. The three common shapes, "Jane Doe &lt;jane@example.com&gt;", "Jane Doe
/// (jane@example.com)" and "jane@example.com (Jane Doe)", read the same; a bare address is an
/// e-mail without a name, anything else a name.
/// </summary>
internal static partial class AuthorText
{
    public static Author? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        // Most authors are a plain name: no address, no pattern to try.
        if (!value.Contains('@', StringComparison.Ordinal))
            return HtmlText.ToPlainText(value) is { } name ? new Author(name, null) : null;

        // Matched before tags are stripped: "<jane@example.com>" looks like a tag to the stripper.
        var text = value.Trim();
        var match = NameThenEmail().Match(text);
        if (!match.Success)
            match = EmailThenName().Match(text);
        if (match.Success)
            return Of(HtmlText.ToPlainText(match.Groups["name"].Value), match.Groups["email"].Value);

        var plain = HtmlText.ToPlainText(text);
        if (plain is null)
            return null;
        return BareEmail().IsMatch(plain) ? new Author(null, Email(plain)) : new Author(plain, null);
    }

    /// <summary>An author from separate name and e-mail values (Atom, JSON Feed); null when both are blank.</summary>
    public static Author? Of(string? name, string? email)
    {
        var cleanName = HtmlText.CollapseWhitespace(name);
        var cleanEmail = Email(email);
        // A name element that holds the whole "Name <e>" string is split like any other.
        if (cleanEmail is null && cleanName is not null && cleanName.Contains('@', StringComparison.Ordinal))
            return Parse(cleanName);
        return cleanName is null && cleanEmail is null ? null : new Author(cleanName, cleanEmail);
    }

    /// <summary>Adds <paramref name="author"/> unless the list has it; fills in a name or e-mail the listed one lacked.</summary>
    public static void Add(List<Author> authors, Author? author)
    {
        if (author is null)
            return;
        for (var i = 0; i < authors.Count; i++)
        {
            var known = authors[i];
            var sameName = author.Name is not null && string.Equals(known.Name, author.Name, StringComparison.Ordinal);
            var sameEmail = author.Email is not null && string.Equals(known.Email, author.Email, StringComparison.OrdinalIgnoreCase);
            if ((sameName && (known.Email is null || author.Email is null || sameEmail))
                || (sameEmail && (known.Name is null || author.Name is null)))
            {
                authors[i] = new Author(known.Name ?? author.Name, known.Email ?? author.Email);
                return;
            }
        }
        authors.Add(author);
    }

    private static string? Email(string? value)
    {
        var email = value?.Trim();
        if (email is not null && email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            email = email["mailto:".Length..].Trim();
        return string.IsNullOrEmpty(email) ? null : email;
    }

    // "Jane Doe <jane@example.com>", "Jane Doe (jane@example.com)", "<jane@example.com>".
    [GeneratedRegex(@"^(?<name>[^<>()]*?)\s*(?:<(?:mailto:)?(?<email>[^\s<>()@]+@[^\s<>()@]+)>|\((?:mailto:)?(?<email>[^\s<>()@]+@[^\s<>()@]+)\))$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenEmail();

    // "jane@example.com (Jane Doe)", "<jane@example.com> (Jane Doe)".
    [GeneratedRegex(@"^<?(?:mailto:)?(?<email>[^\s<>()@]+@[^\s<>()@]+?)>?\s*\((?<name>[^()]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^(?:mailto:)?[^\s<>()@]+@[^\s<>()@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BareEmail();
}
