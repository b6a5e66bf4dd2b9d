namespace TeamWiki.EndToEnd.Support;

/// <summary>WCAG 2.1 contrast of an element's text against the background it is drawn on.</summary>
public static class Contrast
{
    /// <summary>
    /// Evaluated on an element: its text colour against the first opaque background among it and its
    /// ancestors (white when none), as the ratio (L1 + 0.05) / (L2 + 0.05) of relative luminances.
    /// </summary>
    public const string RatioScript = """
        element => {
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => {
            const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
          };
          let back = [255, 255, 255];
          for (let e = element; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length >= 3 && (c.length < 4 || c[3] === 1)) { back = c.slice(0, 3); break; }
          }
          const [a, b] = [lum(rgb(getComputedStyle(element).color)), lum(back)];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
        """;
}
