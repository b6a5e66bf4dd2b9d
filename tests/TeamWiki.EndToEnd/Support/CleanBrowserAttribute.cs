using System.Reflection;
using Xunit.Sdk;

namespace TeamWiki.EndToEnd.Support;

/// <summary>
/// Fails a browser test whose pages logged a console error, threw an uncaught exception or showed
/// Blazor's error bar, unless the test declared that error (<see cref="Browser.ExpectError"/>,
/// <see cref="PageActions.ExpectError"/>). Put on the collection definition, so every test in the
/// collection is covered without doing anything.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class CleanBrowserAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => CleanBrowser.Begin();

    public override void After(MethodInfo methodUnderTest)
    {
        // After is synchronous; Task.Run keeps Playwright's continuations off xunit's synchronisation context.
        var failures = Task.Run(CleanBrowser.EndAsync).GetAwaiter().GetResult();
        if (failures.Count > 0)
        {
            throw new XunitException($"The browser was not clean during {methodUnderTest.DeclaringType?.Name}.{methodUnderTest.Name}:\n  "
                + string.Join("\n  ", failures)
                + "\nFix the cause, or declare an error the test provokes on purpose with browser.ExpectError(text) or page.ExpectError(text).");
        }
    }
}
