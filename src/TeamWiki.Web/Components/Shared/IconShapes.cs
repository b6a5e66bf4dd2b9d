using System.Collections.Frozen;

namespace TeamWiki.Web.Components.Shared;

/// <summary>
/// The shapes of the <c>Icon</c> component: SVG elements on a 24 × 24 grid, drawn with a 2-unit stroke in
/// the current colour. Constant markup written here, never from input.
/// </summary>
public static class IconShapes
{
    private static readonly FrozenDictionary<string, string> Shapes = new Dictionary<string, string>
    {
        ["menu"] = """<path d="M4 6h16M4 12h16M4 18h16"/>""",
        ["bell"] = """<path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>""",
        ["close"] = """<path d="M18 6 6 18M6 6l12 12"/>""",
        ["check"] = """<path d="M20 6 9 17l-5-5"/>""",
        ["upload"] = """<path d="M12 15V3M7 8l5-5 5 5"/><path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4"/>""",
        ["arrow-left"] = """<path d="M19 12H5M12 19l-7-7 7-7"/>""",
        ["arrow-right"] = """<path d="M5 12h14M12 5l7 7-7 7"/>""",
        ["link"] = """<path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71"/><path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"/>""",
        ["list"] = """<path d="M9 6h12M9 12h12M9 18h12"/><circle cx="4" cy="6" r="1"/><circle cx="4" cy="12" r="1"/><circle cx="4" cy="18" r="1"/>""",
        ["checklist"] = """<rect x="3" y="3" width="18" height="18" rx="2"/><path d="m8 12 3 3 5-6"/>""",
        ["table"] = """<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M3 9h18M3 15h18M9 3v18M15 3v18"/>""",
        ["more"] = """<circle cx="5" cy="12" r="1"/><circle cx="12" cy="12" r="1"/><circle cx="19" cy="12" r="1"/>""",
        ["plus"] = """<path d="M12 5v14M5 12h14"/>""",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every icon there is.</summary>
    public static IEnumerable<string> Names => Shapes.Keys;

    /// <summary>The SVG elements of the icon <paramref name="name"/>; an unknown name is a programming error.</summary>
    public static string Of(string name) =>
        Shapes.TryGetValue(name, out var shape) ? shape : throw new ArgumentOutOfRangeException(nameof(name), name, "No such icon");
}
