using System.Diagnostics.Metrics;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Transitions_reconnects_and_messages_are_measured_on_the_ZenWebsocket_meter()
    {
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ZenWebsocketTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        await using var f = await ClientFixture.ConnectedAsync();
        await f.Client.SendTextAsync("measure me").Within();
        Assert.Equal("measure me", await f.NextTextAsync());
        await f.Server.DisconnectAllAsync(DisconnectMode.Abort);
        await f.States.WaitForAsync(ConnectionState.Reconnecting);
        await f.States.WaitForAsync(ConnectionState.Connected);

        lock (measured)
        {
            Assert.True(measured.GetValueOrDefault("zenws.connection.transitions") >= 4);
            Assert.True(measured.GetValueOrDefault("zenws.connection.reconnects") >= 1);
            Assert.True(measured.GetValueOrDefault("zenws.messages") >= 2);
            Assert.True(measured.GetValueOrDefault("zenws.bytes") >= 20);
        }
    }

    [Fact]
    public async Task Closing_twice_raises_one_closed_event()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        var first = await f.Client.CloseAsync().Within();
        var second = await f.Client.CloseAsync().Within();
        Assert.Equal(first, second);
        await f.States.WaitForAsync(ConnectionState.Closed);
        Assert.Single(f.States.All, c => c.Current == ConnectionState.Closed);
    }

    [Fact]
    public async Task A_handler_may_dispose_the_client_without_deadlocking()
    {
        await using var f = await ClientFixture.CreateAsync();
        var disposed = new TaskCompletionSource();
        f.Client.StateChanged += async (_, change) =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                await f.Client.DisposeAsync();
                disposed.TrySetResult();
            }
        };
        await f.Client.ConnectAsync().Within();
        await disposed.Task.Within();
        Assert.Equal(ConnectionState.Closed, f.Client.State);
    }
}
