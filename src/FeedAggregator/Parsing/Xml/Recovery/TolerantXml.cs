using FeedAggregator.Parsing.Text;

namespace FeedAggregator.Parsing.Xml.Recovery;

/// <summary>
/// The recovery path's re-reader: rewrites a feed document that is not well-formed into one that
/// is, keeping everything that can be kept, so the same parsers read it with the same limits.
/// Hand-written because nothing in reach does this: the framework's XmlReader has no recovery
/// mode (it stops at the first error), System.ServiceModel.Syndication and XDocument sit on it,
/// and an HTML parser (AngleSharp, HtmlAgilityPack) would lowercase names, drop namespaces and
/// move feed elements around under HTML's rules. This is the libxml2 "recover" idea, reduced to
/// what feeds get wrong:
/// <list type="bullet">
/// <item>a prefix used without its xmlns (content:, atom:, itunes:, ...) is declared on the root,
/// with its well-known namespace or a placeholder;</item>
/// <item>characters XML forbids are removed; a stray "&lt;" or "&amp;" becomes text;</item>
/// <item>an end tag closes the innermost open element of that name (any case), and the ones
/// left open inside it; one that closes nothing is dropped; an item or entry (and a field such as
/// title or link directly inside one) is closed by the start of the next;</item>
/// <item>comments, processing instructions, XML declarations and DOCTYPEs are dropped, and so is
/// anything before the feed's root element or after it;</item>
/// <item>what is open at the end is closed, except an entry cut off by the end: half an entry is
/// not kept.</item>
/// </list>
/// One pass over the document: each character is looked at a bounded number of times.
/// </summary>
internal static class TolerantXml
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "br", "col", "embed", "hr", "img", "input", "param", "wbr",
    };

    // Fields that hold text, not other fields: a second one inside the first means the first was not closed.
    private static readonly HashSet<string> LeafFields = new(StringComparer.Ordinal)
    {
        "title", "link", "guid", "pubDate", "description", "comments", "category", "id", "published",
        "updated", "issued", "modified", "created", "summary", "content", "encoded", "creator", "date", "subject",
    };

    /// <summary>
    /// The document rewritten as well-formed XML, or null when it has no feed root element to
    /// recover (an HTML page, plain text): then there is nothing to read.
    /// </summary>
    public static RecoveredDocument? Rewrite(ReadOnlySpan<char> text, long maxCharacters)
    {
        var root = FindRoot(text);
        if (root < 0)
            return null;
        var rewriter = new Rewriter(text, maxCharacters);
        rewriter.Run(root);
        return rewriter.Finish();
    }

    // The first start tag named rss, RDF (any prefix) or feed: text or markup before it (a PHP
    // warning, a misplaced XML declaration, an HTML fragment) is not part of the feed.
    private static int FindRoot(ReadOnlySpan<char> text)
    {
        var from = 0;
        while (true)
        {
            var lt = text[from..].IndexOf('<');
            if (lt < 0)
                return -1;
            lt += from;
            var nameEnd = QualifiedName.End(text, lt + 1);
            var name = text[(lt + 1)..nameEnd];
            var colon = name.IndexOf(':');
            if ((colon < 0 ? name : name[(colon + 1)..]) is "rss" or "RDF" or "feed" && QualifiedName.IsValidElement(name))
                return lt;
            from = lt + 1;
        }
    }

    private ref struct Rewriter(ReadOnlySpan<char> text, long maxCharacters)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly PooledText _output = new(text.Length + text.Length / 16 + 256);
        private readonly List<OpenElement> _open = [];
        private readonly Dictionary<string, int> _inScope = new(StringComparer.Ordinal);
        private readonly RecoveryRepairs _repairs = new();
        private readonly StartTag _tag = new();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<bool> _kept = [];
        private int _rootNameEnd = -1;
        private bool _rootClosed;

        public void Run(int start)
        {
            var i = start;
            while (i < _text.Length && !_rootClosed)
            {
                var lt = _text[i..].IndexOf('<');
                var textEnd = lt < 0 ? _text.Length : i + lt;
                if (textEnd > i && _open.Count > 0)
                    CharacterData.AppendText(_output, _text[i..textEnd], _repairs);
                if (lt < 0)
                    break;
                i = Markup(textEnd);
                if (_output.Length > maxCharacters)
                {
                    _repairs.StoppedAtLimit = true;
                    break;
                }
            }
            CloseAtEnd();
        }

        public readonly RecoveredDocument Finish()
        {
            if (_repairs.DeclaredPrefixes.Count == 0 || _rootNameEnd < 0)
                return new RecoveredDocument(_output, _repairs);

            // The declarations go on the root, written before its other attributes.
            var declarations = string.Concat(_repairs.DeclaredPrefixes.Select(p => $" xmlns:{p}=\"{WellKnownPrefixes.NamespaceOf(p)}\""));
            var withDeclarations = new PooledText(_output.Length + declarations.Length);
            withDeclarations.Append(_output.Span[.._rootNameEnd]);
            withDeclarations.Append(declarations);
            withDeclarations.Append(_output.Span[_rootNameEnd..]);
            _output.Dispose();
            return new RecoveredDocument(withDeclarations, _repairs);
        }

        // The markup at "<"; returns where to go on.
        private int Markup(int lt)
        {
            var rest = _text[lt..];
            if (rest.StartsWith("<!--", StringComparison.Ordinal))
                return After(lt, "-->", 4);
            if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
                return CData(lt);
            if (rest.StartsWith("<!", StringComparison.Ordinal))
                return lt + EntityRepair.AfterDoctype(rest);
            if (rest.StartsWith("<?", StringComparison.Ordinal))
                return After(lt, "?>", 2);
            if (rest.StartsWith("</", StringComparison.Ordinal))
                return EndTag(lt);
            if (QualifiedName.IsValidElement(_text[(lt + 1)..QualifiedName.End(_text, lt + 1)]))
                return StartTag(lt);

            // "a < b", "<3": text.
            if (_open.Count > 0)
            {
                _output.Append("&lt;");
                _repairs.StrayLessThans++;
            }
            return lt + 1;
        }

        private readonly int After(int lt, string terminator, int skip)
        {
            var end = _text[(lt + skip)..].IndexOf(terminator, StringComparison.Ordinal);
            return end < 0 ? _text.Length : lt + skip + end + terminator.Length;
        }

        private readonly int CData(int lt)
        {
            var start = lt + "<![CDATA[".Length;
            var end = _text[start..].IndexOf("]]>", StringComparison.Ordinal);
            var content = end < 0 ? _text[start..] : _text.Slice(start, end);
            if (_open.Count > 0)
            {
                _output.Append("<![CDATA[");
                CharacterData.AppendCData(_output, content, _repairs);
                _output.Append("]]>");
            }
            return end < 0 ? _text.Length : start + end + 3;
        }

        private int EndTag(int lt)
        {
            var nameEnd = QualifiedName.End(_text, lt + 2);
            var name = _text[(lt + 2)..nameEnd];
            var gt = _text[nameEnd..].IndexOfAny('>', '<');
            var next = gt < 0 ? _text.Length : _text[nameEnd + gt] == '>' ? nameEnd + gt + 1 : nameEnd + gt;

            var match = Find(name, StringComparison.Ordinal);
            if (match < 0)
                match = Find(name, StringComparison.OrdinalIgnoreCase);
            if (match < 0)
            {
                _repairs.StrayEndTags++;
                return next;
            }
            _repairs.ClosedElements += _open.Count - 1 - match;
            CloseDownTo(match);
            _rootClosed = _open.Count == 0;
            return next;
        }

        private readonly int Find(ReadOnlySpan<char> name, StringComparison comparison)
        {
            for (var k = _open.Count - 1; k >= 0; k--)
            {
                if (name.Equals(_open[k].Name, comparison))
                    return k;
            }
            return -1;
        }

        private int StartTag(int lt)
        {
            if (!_tag.Read(_text, lt))
                return _text.Length; // the document ends inside the tag
            var name = _tag.Name;
            var localName = QualifiedName.LocalName(name);
            CloseImplied(localName);
            if (_open.Count >= XmlLimits.MaxDepth)
            {
                _repairs.TooDeep++;
                return _tag.End;
            }

            var outputStart = _output.Length;
            var declared = Declarations();
            Declare(QualifiedName.Prefix(name));
            _output.Append('<');
            _output.Append(name);
            if (_open.Count == 0)
                _rootNameEnd = _output.Length;
            WriteAttributes();

            var selfClosing = _tag.SelfClosing || (name.Length == localName.Length && VoidElements.Contains(name));
            _output.Append(selfClosing ? "/>" : ">");
            var element = new OpenElement(name, localName, outputStart, declared);
            _open.Add(element);
            if (selfClosing)
            {
                Pop();
                _rootClosed = _open.Count == 0;
            }
            return _tag.End;
        }

        // Decides which attributes are kept (legal, once each) and brings the prefixes the tag
        // declares into scope, for its own name and attributes as much as for its children.
        private List<string>? Declarations()
        {
            List<string>? declared = null;
            _seen.Clear();
            _kept.Clear();
            foreach (var (attribute, start, length) in _tag.Attributes)
            {
                var isDeclaration = attribute.StartsWith("xmlns:", StringComparison.Ordinal);
                var local = QualifiedName.LocalName(attribute);
                var value = start < 0 ? attribute.AsSpan() : _text.Slice(start, length);
                var keep = QualifiedName.IsValid(attribute) && _seen.Add(attribute)
                    && !(isDeclaration && (start < 0 || value.IsWhiteSpace() || local is "xml" or "xmlns"))
                    && !(attribute == "xml:space" && value is not ("default" or "preserve"));
                _kept.Add(keep);
                if (!keep)
                    _repairs.DroppedAttributes++;
                else if (isDeclaration)
                {
                    (declared ??= []).Add(local);
                    _inScope[local] = _inScope.GetValueOrDefault(local) + 1;
                }
            }
            return declared;
        }

        private readonly void WriteAttributes()
        {
            for (var k = 0; k < _tag.Attributes.Count; k++)
            {
                if (!_kept[k])
                    continue;
                var (attribute, start, length) = _tag.Attributes[k];
                Declare(QualifiedName.Prefix(attribute));
                _output.Append(' ');
                _output.Append(attribute);
                _output.Append("=\"");
                CharacterData.AppendAttribute(_output, start < 0 ? attribute.AsSpan() : _text.Slice(start, length), _repairs);
                _output.Append('"');
            }
        }

        private readonly void Declare(string prefix)
        {
            if (prefix.Length == 0 || prefix is "xml" or "xmlns" || _inScope.GetValueOrDefault(prefix) > 0)
                return;
            _repairs.DeclaredPrefixes.Add(prefix);
        }

        // An item or entry closes an open one; a field directly inside an entry or a channel closes
        // an open sibling field (<title>A<link>..., where </title> was forgotten).
        private void CloseImplied(string localName)
        {
            if (localName is "item" or "entry")
            {
                for (var k = _open.Count - 1; k >= 0; k--)
                {
                    if (_open[k].LocalName == localName)
                    {
                        _repairs.ClosedElements += _open.Count - k;
                        CloseDownTo(k);
                        return;
                    }
                }
                return;
            }
            if (_open.Count >= 2 && LeafFields.Contains(localName) && LeafFields.Contains(_open[^1].LocalName) && _open[^2].IsContainer)
            {
                _repairs.ClosedElements++;
                CloseDownTo(_open.Count - 1);
            }
        }

        // Writes the end tags of the open elements from the innermost down to index k.
        private void CloseDownTo(int k)
        {
            while (_open.Count > k)
            {
                var element = Pop();
                _output.Append("</");
                _output.Append(element.Name);
                _output.Append('>');
            }
        }

        private OpenElement Pop()
        {
            var element = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            if (element.Declared is not null)
            {
                foreach (var prefix in element.Declared)
                    _inScope[prefix]--;
            }
            return element;
        }

        // At the end of the document: an entry still open was cut off and is taken back whole;
        // everything else open is closed.
        private void CloseAtEnd()
        {
            _repairs.EndedOpen = _open.Count > 0;
            var entry = _open.FindIndex(e => e.IsEntry);
            if (entry >= 0)
            {
                _output.Truncate(_open[entry].OutputStart);
                while (_open.Count > entry)
                    Pop();
                _repairs.CutEntryDropped = true;
            }
            _repairs.ClosedElements += _open.Count;
            CloseDownTo(0);
        }
    }
}
