using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZenWebsocket.Binance.Tests.Support;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Binance.Tests.Api;

public sealed class BinanceHostingTests
{
    [Fact]
    public async Task The_host_runs_the_api_client_from_configured_options_and_stops_it()
    {
        await using var simulator = await BinanceSimulator.StartAsync(new BinanceSimulatorOptions { GenerateMarketData = false });
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddZenWebsocketAdapter<BinanceApiClient, BinanceApiClientOptions>(o =>
        {
            o.Endpoint = simulator.ApiUrl;
            o.Credentials = BinanceCredentials.Ed25519(BinanceSimKeys.Ed25519ApiKey, BinanceSimKeys.Ed25519PrivateKeyPem);
        });
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<BinanceApiClient>();

        await host.StartAsync().Within();

        Assert.Equal(AdapterState.Ready, client.State);
        Assert.True(client.IsLoggedOn);
        var account = await client.GetAccountAsync().Within();
        Assert.NotEmpty(account.Balances);

        await host.StopAsync().Within();

        Assert.Equal(AdapterState.Stopped, client.State);
    }
}
