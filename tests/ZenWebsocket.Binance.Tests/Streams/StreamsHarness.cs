using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Binance.Tests.Streams;

/// <summary>A simulator and a market-streams client on it.</summary>
internal sealed class StreamsHarness : IAsyncDisposable
{
    private StreamsHarness(BinanceSimulator simulator, BinanceMarketStreams streams)
    {
        Simulator = simulator;
        Streams = streams;
    }

    public BinanceSimulator Simulator { get; }

    public BinanceMarketStreams Streams { get; }

    public static async Task<StreamsHarness> StartAsync(
        Func<BinanceSimulatorOptions, BinanceSimulatorOptions>? simulator = null,
        Func<BinanceMarketStreamsOptions, BinanceMarketStreamsOptions>? client = null)
    {
        var simulatorOptions = new BinanceSimulatorOptions { MarketDataInterval = TimeSpan.FromMilliseconds(20) };
        var sim = await BinanceSimulator.StartAsync(simulator?.Invoke(simulatorOptions) ?? simulatorOptions);
        var clientOptions = new BinanceMarketStreamsOptions
        {
            Endpoints = BinanceEndpoints.SingleHost(sim.StreamUrl),
            Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        return new StreamsHarness(sim, new BinanceMarketStreams(client?.Invoke(clientOptions) ?? clientOptions));
    }

    /// <summary>Reads <c>U</c> and <c>u</c> of a diff-depth event.</summary>
    public static (long First, long Final) DepthIds(SubscriptionItem item)
    {
        using var document = JsonDocument.Parse(item.Message.Data);
        var root = document.RootElement;
        Assert.Equal("depthUpdate", root.GetProperty("e").GetString());
        return (root.GetProperty("U").GetInt64(), root.GetProperty("u").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        await Streams.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
