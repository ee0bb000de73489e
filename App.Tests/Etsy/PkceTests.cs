using Marketplaces.Etsy.Sandbox;

namespace Marketplaces.Tests.Etsy;

public sealed class PkceTests
{
    [Fact]
    public void The_challenge_of_RFC_7636s_example_verifier_is_its_example_challenge()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Marketplaces.Connections.Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Assert.True(PkceRules.Matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    [Theory]
    [InlineData("too-short", false)]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", true)]
    [InlineData("dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk", false)]
    public void A_verifier_is_43_to_128_unreserved_characters(string verifier, bool valid) =>
        Assert.Equal(valid, PkceRules.IsVerifier(verifier));
}
