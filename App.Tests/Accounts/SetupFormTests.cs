using Bunit;
using Marketplaces.Accounts;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Accounts;

/// <summary>The first-run form explains in plain words what is wrong before anything is created.</summary>
public sealed class SetupFormTests(AppFactory app) : MudComponentTest(app.Services), IClassFixture<AppFactory>
{
    [Fact]
    public void An_empty_form_asks_for_an_email_and_a_password()
    {
        var setup = Render<Setup>();

        setup.Find("form").Submit();

        var messages = setup.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("Enter an email address.", messages);
        Assert.Contains("Choose a password.", messages);
    }

    [Fact]
    public void A_short_password_and_a_different_confirmation_are_explained()
    {
        var setup = Render<Setup>();

        setup.Find("#email").Change("owner@shop.example");
        setup.Find("#password").Change("short");
        setup.Find("#confirm").Change("shorter");
        setup.Find("form").Submit();

        var messages = setup.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Equal(["The password is too short: use at least 10 characters.", "The passwords do not match."], messages);
        Assert.DoesNotContain(messages, m => m.Contains("string or array type"));
    }
}
