using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

public class BinanceOptionsTests
{
    public static TheoryData<BinanceSimulatorOptions, string> Invalid => new()
    {
        { new BinanceSimulatorOptions { PingInterval = TimeSpan.Zero }, "BinanceSimulatorOptions.PingInterval" },
        { new BinanceSimulatorOptions { PongTimeout = TimeSpan.FromSeconds(-1) }, "BinanceSimulatorOptions.PongTimeout" },
        { new BinanceSimulatorOptions { MaxStreamsPerConnection = 0 }, "BinanceSimulatorOptions.MaxStreamsPerConnection" },
        { new BinanceSimulatorOptions { MaxIncomingMessagesPerSecond = -1 }, "BinanceSimulatorOptions.MaxIncomingMessagesPerSecond" },
        { new BinanceSimulatorOptions { Symbols = [] }, "BinanceSimulatorOptions.Symbols" },
        { new BinanceSimulatorOptions { Symbols = [BinanceSimSymbol.Defaults[0] with { Symbol = "btcusdt" }] }, "BinanceSimulatorOptions.Symbols" },
        { new BinanceSimulatorOptions { Port = 70_000 }, "BinanceSimulatorOptions.Port" },
        { new BinanceSimulatorOptions { Symbols = [BinanceSimSymbol.Defaults[0] with { QuoteAsset = "" }] }, "BinanceSimulatorOptions.Symbols" },
        { new BinanceSimulatorOptions { Symbols = [BinanceSimSymbol.Defaults[0] with { MinNotional = -1m }] }, "BinanceSimulatorOptions.Symbols" },
        { WithKey(new BinanceSimApiKey("rsa-as-ed25519", BinanceSimKeyType.Ed25519, BinanceSimKeys.RsaPublicKeyPem)), "BinanceApiOptions.Accounts" },
        { WithKey(new BinanceSimApiKey("garbled-rsa", BinanceSimKeyType.Rsa, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")), "BinanceApiOptions.Accounts" },
    };

    private static BinanceSimulatorOptions WithKey(BinanceSimApiKey key) => new()
    {
        Api = new BinanceApiOptions { Accounts = [new BinanceSimAccount("odd", new Dictionary<string, decimal>(), [key])] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_option_is_refused_at_start_naming_the_option(BinanceSimulatorOptions options, string name)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => BinanceSimulator.StartAsync(options));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
