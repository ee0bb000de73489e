using Bunit;
using Marketplaces.Components.Layout;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Marketplaces.Tests.Components;

/// <summary>
/// The net under every interactive page (issue 11: no UI action ever ends the circuit): an exception a handler did not
/// catch is said where the page was, and the page comes back. Unhandled, bUnit would throw it out of the click, as
/// Blazor ends the seller's circuit with it.
/// </summary>
public sealed class PageErrorBoundaryTests : MudComponentTest
{
    [Fact]
    public void A_handler_that_throws_is_said_in_words_and_the_page_comes_back()
    {
        var page = Render<PageErrorBoundary>(p => p.AddChildContent<Failing>(f => f.Add(c => c.Failure, new InvalidOperationException("a bug"))));

        page.Find("button.act").Click();

        page.WaitForAssertion(() => Assert.Contains("Something on this page failed unexpectedly; the details are in the log.", page.Find(".page-failure").TextContent));
        Assert.Contains("Everything already saved is kept", page.Markup);
        Assert.DoesNotContain("a bug", page.Markup);
        page.Find("button.page-recover").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.act")));
    }

    [Fact]
    public void A_database_that_cannot_be_reached_is_named()
    {
        var page = Render<PageErrorBoundary>(p => p.AddChildContent<Failing>(f => f.Add(c => c.Failure, new Npgsql.NpgsqlException("connection refused"))));

        page.Find("button.act").Click();

        page.WaitForAssertion(() => Assert.Contains("The database cannot be reached just now", page.Find(".page-failure").TextContent));
    }

    /// <summary>A page whose one button's handler fails after an await, as a call to the database would.</summary>
    private sealed class Failing : ComponentBase
    {
        [Parameter] public Exception Failure { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "class", "act");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, async () =>
            {
                await Task.Yield();
                throw Failure;
            }));
            builder.AddContent(3, "Act");
            builder.CloseElement();
        }
    }
}
