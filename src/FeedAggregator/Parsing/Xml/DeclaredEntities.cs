using System.Text.RegularExpressions;

namespace FeedAggregator.Parsing.Xml;

/// <summary>
/// The simple entities a DOCTYPE's internal subset declares: a name and a literal value with no
/// reference, markup or parameter entity in it, so an expansion can never expand again. SYSTEM
/// and PUBLIC entities are not matched at all. Expansions share one character budget.
/// </summary>
internal sealed partial class DeclaredEntities(long budget)
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private long _spent;

    public bool OverBudget { get; private set; }

    public void Read(string doctype)
    {
        // As in XML, the first declaration of a name binds.
        foreach (Match declaration in SimpleEntity().Matches(doctype))
            _values.TryAdd(declaration.Groups["name"].Value, declaration.Groups["value"].Value);
    }

    public bool TryExpand(string name, out string value)
    {
        if (!_values.TryGetValue(name, out value!))
            return false;
        if (_spent + value.Length > budget)
        {
            OverBudget = true;
            return false;
        }
        _spent += value.Length;
        return true;
    }

    [GeneratedRegex("""<!ENTITY\s+(?<name>[A-Za-z_][A-Za-z0-9_.-]*)\s+(?<q>["'])(?<value>[^"'&<%]*)\k<q>\s*>""", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleEntity();
}
