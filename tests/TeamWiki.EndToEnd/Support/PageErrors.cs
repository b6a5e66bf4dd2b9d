using Microsoft.Playwright;

namespace TeamWiki.EndToEnd.Support;

/// <summary>
/// What one page reports as broken while a test drives it: console errors (a Content-Security-Policy
/// violation and a failed request land there too), uncaught exceptions (<c>page.PageError</c>), and
/// Blazor's <c>#blazor-error-ui</c> becoming visible. A test that provokes an error on purpose says
/// which with <see cref="Expect"/>; everything else fails the test (see <see cref="CleanBrowserAttribute"/>).
/// </summary>
public sealed class PageErrors
{
    /// <summary>
    /// Runs in every document before its own scripts: Blazor shows its error bar by setting the element's
    /// inline style to <c>display: block</c> (the stylesheet hides it), so a mutation observer turns that
    /// into a console error that the listener below records, even when the test has navigated elsewhere
    /// since. (The computed style would be "block" too while the stylesheet is still loading.)
    /// </summary>
    public const string ErrorUiWatcher = """
        (() => {
          let reported = false;
          const check = () => {
            const ui = document.getElementById('blazor-error-ui');
            if (!reported && ui && ui.style.display && ui.style.display !== 'none') {
              reported = true;
              console.error('#blazor-error-ui is visible: ' + (ui.innerText || '').trim());
            }
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });
        })();
        """;

    private readonly List<string> _errors = [];
    private readonly List<string> _expected = [];
    private readonly Lock _gate = new();

    public PageErrors(IPage page, string name)
    {
        Page = page;
        Name = name;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console error: {message.Text}" + (message.Location is { Length: > 0 } at ? $" ({at})" : ""));
            }
        };
        page.PageError += (_, error) => Add("uncaught exception: " + error);
    }

    public IPage Page { get; }

    /// <summary>Which page this was in the test ("page 2"), for the failure message.</summary>
    public string Name { get; }

    /// <summary>Every error the page reported so far, expected or not.</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The errors no <see cref="Expect"/> call accounts for.</summary>
    public IReadOnlyList<string> Unexpected(IEnumerable<string> expectedByTest)
    {
        lock (_gate)
        {
            var allowed = _expected.Concat(expectedByTest).ToList();
            return _errors.Where(e => !allowed.Any(a => e.Contains(a, StringComparison.Ordinal))).ToList();
        }
    }

    /// <summary>Declares an error this page is meant to show: any error containing <paramref name="text"/> is accepted.</summary>
    public void Expect(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        lock (_gate)
        {
            _expected.Add(text);
        }
    }

    /// <summary>Records an error found another way (the error bar still showing at the end).</summary>
    public void Add(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
