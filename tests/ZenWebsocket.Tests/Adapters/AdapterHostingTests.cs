using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Adapters;

public sealed class AdapterHostingTests
{
    [Fact]
    public async Task The_host_registers_starts_and_stops_the_adapter_and_disposes_it()
    {
        var venue = new ExampleVenueServer();
        await using var server = await MockWebSocketServer.StartAsync(venue.Options);
        var time = new FakeTimeProvider();

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddZenWebsocketAdapter<ExampleVenueAdapter, ExampleVenueOptions>(o =>
        {
            o.Endpoint = server.Url;
            o.ApiKey = ExampleVenueServer.Key;
            o.ApiSecret = ExampleVenueServer.Secret;
        });

        // Registering twice does not run the adapter twice.
        builder.Services.AddZenWebsocketAdapter<ExampleVenueAdapter, ExampleVenueOptions>();
        using var host = builder.Build();
        var adapter = host.Services.GetRequiredService<ExampleVenueAdapter>();
        Assert.Equal(AdapterState.Created, adapter.State);

        await host.StartAsync().Within();

        Assert.Equal(AdapterState.Ready, adapter.State);
        var connection = await server.WaitForConnectionAsync(1, Bounded.Wait);
        Assert.Equal("public/auth", ExampleVenueServer.Calls(server, connection.Id)[0]);
        Assert.Equal(1, server.HandshakeCount);

        await host.StopAsync().Within();

        Assert.Equal(AdapterState.Stopped, adapter.State);
        await connection.Closed.Within();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, connection.ClientCloseStatus);

        host.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => adapter.GetTimeAsync());
    }

    [Fact]
    public async Task A_factory_registration_runs_an_adapter_built_by_hand_and_a_failed_first_connect_fails_the_host_start()
    {
        var venue = new ExampleVenueServer();
        venue.RevokeCredentials();
        await using var server = await MockWebSocketServer.StartAsync(venue.Options);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddZenWebsocketAdapter(_ => new ExampleVenueAdapter(new ExampleVenueOptions
        {
            Endpoint = server.Url,
            ApiKey = ExampleVenueServer.Key,
            ApiSecret = ExampleVenueServer.Secret,
        }));
        using var host = builder.Build();

        await Assert.ThrowsAsync<ZenAuthenticationException>(() => host.StartAsync().Within());

        var adapter = host.Services.GetRequiredService<ExampleVenueAdapter>();
        Assert.Equal(AdapterState.Faulted, adapter.State);
        Assert.Equal(1, server.HandshakeCount);
    }
}
