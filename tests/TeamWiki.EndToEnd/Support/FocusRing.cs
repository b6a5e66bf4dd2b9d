namespace TeamWiki.EndToEnd.Support;

/// <summary>How the focus indicator of an element stands out against what is around it (WCAG 2.1 SC 1.4.11).</summary>
public static class FocusRing
{
    /// <summary>
    /// Evaluated on the focused element: the computed outline's style and width, and the contrast of the
    /// outline colour and of a box-shadow ring colour against the first opaque background among the
    /// element's ancestors (the ring is drawn outside the element, on its parent's background).
    /// </summary>
    public const string Script = """
        element => {
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => {
            const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
          };
          const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)]; return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
          let back = [255, 255, 255];
          for (let e = element.parentElement; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length >= 3 && (c.length < 4 || c[3] === 1)) { back = c.slice(0, 3); break; }
          }
          const style = getComputedStyle(element);
          const shadow = (style.boxShadow.match(/rgba?\([^)]*\)/) || [])[0];
          return {
            focused: document.activeElement === element,
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth) || 0,
            outline: ratio(rgb(style.outlineColor), back),
            ring: shadow ? ratio(rgb(shadow), back) : 0,
          };
        }
        """;
}
