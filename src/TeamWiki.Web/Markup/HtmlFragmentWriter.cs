using AngleSharp;
using AngleSharp.Dom;

namespace TeamWiki.Web.Markup;

/// <summary>
/// Serialises the children of an element, in time linear in the size of the tree. AngleSharp's own
/// <c>ToHtml</c> asks every leaf for its next sibling, which AngleSharp finds by searching the parent's
/// child list: quadratic for a paragraph of many links (180 KB of "@a " took 5 s).
/// </summary>
internal static class HtmlFragmentWriter
{
    public static void WriteChildren(INode parent, TextWriter writer, IMarkupFormatter formatter)
    {
        // Explicit stack rather than recursion: nesting is capped upstream, but a stack cannot overflow.
        var stack = new Stack<(INode Node, int Next)>();
        stack.Push((parent, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var children = node.ChildNodes;
            if (next >= children.Length)
            {
                if (!ReferenceEquals(node, parent) && node is IElement finished)
                {
                    writer.Write(formatter.CloseTag(finished, finished.Flags.HasFlag(NodeFlags.SelfClosing)));
                }

                continue;
            }

            stack.Push((node, next + 1));
            var child = children[next];
            switch (child)
            {
                case IElement element:
                    var selfClosing = element.Flags.HasFlag(NodeFlags.SelfClosing);
                    writer.Write(formatter.OpenTag(element, selfClosing));
                    if (selfClosing)
                    {
                        break;
                    }

                    // As AngleSharp does: a leading newline in <pre> would otherwise be eaten by the next parse.
                    if (element.Flags.HasFlag(NodeFlags.LineTolerance) && element.FirstChild is IText { Data: var data } && data.StartsWith('\n'))
                    {
                        writer.Write('\n');
                    }

                    stack.Push((element, 0));
                    break;
                case IText text:
                    writer.Write(child.Parent?.Flags.HasFlag(NodeFlags.LiteralText) == true ? formatter.LiteralText(text) : formatter.Text(text));
                    break;
                case IComment comment:
                    writer.Write(formatter.Comment(comment));
                    break;
            }
        }
    }
}
