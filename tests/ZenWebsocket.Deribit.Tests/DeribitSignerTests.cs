namespace ZenWebsocket.Deribit.Tests;

public sealed class DeribitSignerTests
{
    [Fact]
    public void The_A3_vector_signs_to_the_documented_hex()
    {
        var signature = DeribitSigner.Sign("AMANDASECRECT", 1576074319000, "1iqt2wls", "");
        Assert.Equal("56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa1", signature);
    }

    [Fact]
    public void Credentials_never_print_the_secret()
    {
        var credentials = new DeribitCredentials("AMANDA", "AMANDASECRECT");
        Assert.DoesNotContain("AMANDASECRECT", credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("AMANDA", credentials.ToString(), StringComparison.Ordinal);
        var options = new DeribitOptions { Credentials = credentials };
        Assert.DoesNotContain("AMANDASECRECT", options.ToString(), StringComparison.Ordinal);
    }
}
