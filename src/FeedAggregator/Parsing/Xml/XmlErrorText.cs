using System.Globalization;
using System.Text;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// An XmlReader error message fit for a feed's status: it quotes the offending character, and
/// when that is a control character it must not reach a status line or a log raw.
/// </summary>
internal static class XmlErrorText
{
    public static string Printable(string message)
    {
        if (!message.Any(char.IsControl))
            return message;
        var text = new StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            if (char.IsControl(c))
                text.Append("U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                text.Append(c);
        }
        return text.ToString();
    }
}
