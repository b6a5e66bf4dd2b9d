using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace TeamWiki.Web.Search.Indexing.Extraction;

/// <summary>
/// Reads one XML part of an Office file as a stream of nodes, never as a whole document: the Open XML
/// SDK's DOM would hold all of a part in memory (a 250 KB file can hold 86 MB of XML). Text is copied in
/// chunks, so one enormous text node costs no more than many small ones.
/// </summary>
internal sealed class XmlPartReader : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // Office parts never have a DTD; refusing one also rules out entity expansion ("billion laughs").
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly char[] _chunk = new char[4096];
    private readonly ExtractionBudget _budget;

    private XmlPartReader(XmlReader reader, ExtractionBudget budget)
    {
        Xml = reader;
        _budget = budget;
    }

    /// <summary>The underlying reader, positioned by <see cref="Next"/>.</summary>
    public XmlReader Xml { get; }

    /// <summary>Opens <paramref name="part"/> for reading within the part and document limits.</summary>
    public static XmlPartReader Open(OpenXmlPart part, ExtractionBudget budget)
    {
        var stream = new CappedReadStream(part.GetStream(FileMode.Open, FileAccess.Read), budget.Limits.MaxPartBytes, budget);
        return new XmlPartReader(XmlReader.Create(stream, Settings), budget);
    }

    /// <summary>
    /// Moves to the next node; false at the end of the part, when a limit is reached, or when the XML is
    /// broken (a part cut off at its limit ends that way too). Whatever was read before stays.
    /// </summary>
    public bool Next()
    {
        if (_budget.Exhausted)
        {
            return false;
        }

        try
        {
            return Xml.Read();
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>True when the reader is on the start tag of an element named <paramref name="localName"/> (any namespace).</summary>
    public bool AtStart(string localName) => Xml.NodeType == XmlNodeType.Element && Xml.LocalName == localName;

    /// <summary>True when the reader is on the end tag of an element named <paramref name="localName"/>.</summary>
    public bool AtEnd(string localName) => Xml.NodeType == XmlNodeType.EndElement && Xml.LocalName == localName;

    /// <summary>
    /// With the reader on a start tag, copies the element's text into <paramref name="sink"/> chunk by
    /// chunk and leaves the reader on its end tag. False when the sink is full or the part ended.
    /// </summary>
    public bool CopyText(Func<ReadOnlySpan<char>, bool> sink)
    {
        if (Xml.IsEmptyElement)
        {
            return true;
        }

        var depth = Xml.Depth;
        while (Next())
        {
            if (Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth)
            {
                return true;
            }

            if (Xml.NodeType is (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace) && !CopyValue(sink))
            {
                return false;
            }
        }

        return false;
    }

    private bool CopyValue(Func<ReadOnlySpan<char>, bool> sink)
    {
        try
        {
            int n;
            while ((n = Xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                if (!sink(_chunk.AsSpan(0, n)))
                {
                    return false;
                }
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Xml.Dispose();
}
