using System.Net.WebSockets;
using System.Text;
using ZenWebsocket.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.Connection;

public sealed class ConnectAndExchangeTests
{
    [Fact]
    public async Task Connects_sends_text_binary_and_json_and_receives_the_echoes()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        Assert.Equal(ConnectionState.Connected, f.Client.State);

        await f.Client.SendTextAsync("hello").Within();
        Assert.Equal("hello", await f.NextTextAsync());

        await f.Client.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary).Within();
        var binary = await f.Client.ReceiveAsync().Within();
        Assert.Equal(WebSocketMessageType.Binary, binary!.Value.Type);
        Assert.Equal(new byte[] { 1, 2, 3 }, binary.Value.Data.ToArray());

        await f.Client.SendJsonAsync(new Probe("ping", 7), TestJson.Default.Probe).Within();
        Assert.Equal("""{"Op":"ping","Id":7}""", await f.NextTextAsync());

        var diagnostics = f.Client.GetDiagnostics();
        Assert.Equal(3, diagnostics.MessagesSent);
        Assert.Equal(3, diagnostics.MessagesReceived);
        Assert.Equal(ConnectionState.Connected, diagnostics.State);
    }

    [Fact]
    public async Task Each_transition_raises_exactly_one_event_in_order()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        await f.States.WaitForAsync(ConnectionState.Connected);
        await f.Client.CloseAsync().Within();
        await f.States.WaitForAsync(ConnectionState.Closed);
        Assert.Equal(
            [ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.Closed],
            f.States.All.Select(c => c.Current));
        Assert.All(f.States.All.Zip(f.States.All.Skip(1)), pair => Assert.Equal(pair.First.Current, pair.Second.Previous));
    }

    [Fact]
    public async Task A_fragmented_message_arrives_as_one_message()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        var text = string.Concat(Enumerable.Range(0, 2_000).Select(i => (char)('a' + (i % 26))));
        await connection.SendFragmentedTextAsync(text, 100);
        Assert.Equal(text, await f.NextTextAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009_and_a_typed_error()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { MaxMessageSize = 1024, ReconnectOnError = false });
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        await connection.SendTextAsync(new string('x', 2_000));

        var down = await f.Client.Completion.Within();
        Assert.Equal(StateChangeReason.MessageTooLarge, down.Reason);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, down.CloseStatus);
        var error = Assert.IsType<ZenProtocolException>(down.Error);
        Assert.Equal(ProtocolFailure.MessageTooLarge, error.Failure);
        await connection.Closed.Within();
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, connection.ClientCloseStatus);
    }

    [Fact]
    public async Task A_message_exactly_at_the_limit_is_accepted()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { MaxMessageSize = 1024, ReceiveBufferSize = 256 });
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        await connection.SendTextAsync(new string('y', 1024));
        Assert.Equal(1024, (await f.NextTextAsync()).Length);
    }

    [Fact]
    public async Task Close_does_the_handshake_and_surfaces_the_servers_reply()
    {
        await using var f = await ClientFixture.ConnectedAsync();
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        var closed = await f.Client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done").Within();

        Assert.Equal(ConnectionState.Closed, closed.Current);
        Assert.Equal(StateChangeReason.UserRequested, closed.Reason);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closed.CloseStatus);
        await connection.Closed.Within();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, connection.ClientCloseStatus);
        Assert.Equal("done", connection.ClientCloseDescription);
        Assert.Equal(closed, await f.Client.Completion.Within());
    }

    [Fact]
    public async Task The_servers_close_code_and_reason_are_surfaced()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { ReconnectOnError = false });
        await f.Server.DisconnectAllAsync(DisconnectMode.Close, (WebSocketCloseStatus)4001, "bye");
        var down = await f.Client.Completion.Within();
        Assert.Equal(ConnectionState.Disconnected, down.Current);
        Assert.Equal(StateChangeReason.ClosedByServer, down.Reason);
        Assert.Equal((WebSocketCloseStatus)4001, down.CloseStatus);
        Assert.Equal("bye", down.CloseDescription);
    }

    [Fact]
    public async Task Close_1001_is_reported_as_a_server_shutdown()
    {
        await using var f = await ClientFixture.ConnectedAsync(o => o with { ReconnectOnError = false });
        await f.Server.DisconnectAllAsync(DisconnectMode.Close, WebSocketCloseStatus.EndpointUnavailable, "restart");
        var down = await f.Client.Completion.Within();
        Assert.Equal(StateChangeReason.ServerShutdown, down.Reason);
    }

    [Fact]
    public async Task Dispose_is_idempotent_delivers_the_final_closed_event_and_nothing_after()
    {
        var f = await ClientFixture.ConnectedAsync();
        await f.States.WaitForAsync(ConnectionState.Connected);
        var seen = f.States.All.Count;
        var stream = f.Client.ReadMessagesAsync().GetAsyncEnumerator();
        var next = stream.MoveNextAsync();

        await f.Client.DisposeAsync();
        await f.Client.DisposeAsync();

        Assert.False(await next.Within());
        Assert.Equal(ConnectionState.Closed, (await f.Client.Completion.Within()).Current);
        Assert.Equal(seen + 1, f.States.All.Count);
        Assert.Equal(ConnectionState.Closed, f.States.All[^1].Current);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => f.Client.SendTextAsync("x").AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => f.Client.ConnectAsync());
        await f.DisposeAsync();
    }

    [Fact]
    public async Task A_slow_or_throwing_event_handler_never_stalls_the_connection()
    {
        await using var f = await ClientFixture.CreateAsync();
        var release = new TaskCompletionSource();
        f.Client.StateChanged += (_, _) => release.Task.Wait();
        f.Client.StateChanged += (_, _) => throw new InvalidOperationException("handler bug");
        await f.Client.ConnectAsync().Within();

        await f.Client.SendTextAsync("still flowing").Within();
        Assert.Equal("still flowing", await f.NextTextAsync());
        release.SetResult();
    }

    [Fact]
    public async Task Subprotocols_and_headers_reach_the_server()
    {
        await using var f = await ClientFixture.ConnectedAsync(
            o => o with { Subprotocols = ["json", "v2"], Headers = new Dictionary<string, string> { ["X-Api-Key"] = "k1" } },
            new MockServerOptions { Subprotocols = ["v2"] });
        var connection = await f.Server.WaitForConnectionAsync(1, Bounded.Wait);
        Assert.Equal("v2", connection.Subprotocol);
        Assert.Equal("k1", connection.RequestHeaders["X-Api-Key"]);
    }
}

public sealed record Probe(string Op, int Id);

[System.Text.Json.Serialization.JsonSerializable(typeof(Probe))]
public sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
