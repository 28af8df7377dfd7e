using System.Text;

namespace FeedAggregator.Fetching;

/// <summary>
/// Reads HTTP <c>Link</c> headers (RFC 8288): <c>&lt;URI&gt;; rel="hub", &lt;URI&gt;; rel="self"</c>.
/// Hand-written: .NET has no parser for this header, and only the target and its relation types
/// are needed (no anchors, no extension attributes). Malformed links are skipped, never thrown.
/// </summary>
public static class LinkHeader
{
    /// <summary>The targets of the links whose rel includes <paramref name="relation"/>, in order, as written (maybe relative).</summary>
    public static IReadOnlyList<string> Targets(IEnumerable<string> headerValues, string relation)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        var targets = new List<string>();
        foreach (var value in headerValues)
        {
            foreach (var (target, rels) in Parse(value))
            {
                if (rels.Contains(relation, StringComparer.OrdinalIgnoreCase))
                    targets.Add(target);
            }
        }

        return targets;
    }

    /// <summary>Each link of one header value: its target and its relation types.</summary>
    internal static IEnumerable<(string Target, string[] Rels)> Parse(string value)
    {
        var i = 0;
        while (true)
        {
            var open = value.IndexOf('<', i);
            if (open < 0)
                yield break;
            var close = value.IndexOf('>', open + 1);
            if (close < 0)
                yield break;
            var target = value[(open + 1)..close].Trim();
            i = close + 1;

            // Parameters up to the comma that ends this link (commas inside quotes do not).
            string[] rels = [];
            while (i < value.Length && value[i] != ',')
            {
                if (value[i] != ';')
                {
                    i++;
                    continue;
                }

                var (name, parameter, next) = ReadParameter(value, i + 1);
                i = next;
                if (name.Equals("rel", StringComparison.OrdinalIgnoreCase) && rels.Length == 0)
                    rels = parameter.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            }

            if (target.Length > 0)
                yield return (target, rels);
        }
    }

    private static (string Name, string Value, int Next) ReadParameter(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] is not ('=' or ';' or ','))
            i++;
        var name = text[start..i].Trim();
        if (i >= text.Length || text[i] != '=')
            return (name, "", i);

        i++;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        if (i < text.Length && text[i] == '"')
        {
            var end = i + 1;
            var builder = new StringBuilder();
            while (end < text.Length && text[end] != '"')
            {
                if (text[end] == '\\' && end + 1 < text.Length)
                    end++;
                builder.Append(text[end]);
                end++;
            }

            return (name, builder.ToString(), Math.Min(end + 1, text.Length));
        }

        var tokenEnd = i;
        while (tokenEnd < text.Length && text[tokenEnd] is not (';' or ','))
            tokenEnd++;
        return (name, text[i..tokenEnd].Trim(), tokenEnd);
    }
}
