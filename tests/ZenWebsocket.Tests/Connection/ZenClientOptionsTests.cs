namespace ZenWebsocket.Tests.Connection;

public sealed class ZenClientOptionsTests
{
    private static readonly Uri Endpoint = new("ws://127.0.0.1:1/ws");

    public static TheoryData<string, ZenClientOptions> BadOptions => new()
    {
        { "ConnectTimeout", new ZenClientOptions { ConnectTimeout = TimeSpan.Zero } },
        { "ConnectTimeout", new ZenClientOptions { ConnectTimeout = TimeSpan.FromHours(1) } },
        { "CloseTimeout", new ZenClientOptions { CloseTimeout = TimeSpan.FromSeconds(-1) } },
        { "ReceiveBufferSize", new ZenClientOptions { ReceiveBufferSize = 10 } },
        { "MaxMessageSize", new ZenClientOptions { MaxMessageSize = 0 } },
        { "ReceiveQueueCapacity", new ZenClientOptions { ReceiveQueueCapacity = 0 } },
        { "SendQueueCapacity", new ZenClientOptions { SendQueueCapacity = -5 } },
        { "SendQueueTimeToLive", new ZenClientOptions { SendQueueTimeToLive = Timeout.InfiniteTimeSpan } },
        { "EventQueueCapacity", new ZenClientOptions { EventQueueCapacity = 1 } },
        { "ReceiveFullMode", new ZenClientOptions { ReceiveFullMode = (ReceiveFullMode)42 } },
        { "DisconnectedSendPolicy", new ZenClientOptions { DisconnectedSendPolicy = (DisconnectedSendPolicy)9 } },
        { "RotationInterval", new ZenClientOptions { RotationInterval = TimeSpan.FromMilliseconds(10) } },
        { "Headers", new ZenClientOptions { Headers = new Dictionary<string, string> { ["Bad Name"] = "x" } } },
        { "Headers", new ZenClientOptions { Headers = new Dictionary<string, string> { ["X-Token"] = "a\r\nInjected: 1" } } },
        { "Headers", new ZenClientOptions { Headers = new Dictionary<string, string> { ["Sec-WebSocket-Key"] = "x" } } },
        { "Subprotocols", new ZenClientOptions { Subprotocols = ["json rpc"] } },
        { "ReconnectPolicy.BaseDelay", new ZenClientOptions { Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.Zero } } },
        { "ReconnectPolicy.MaxDelay", new ZenClientOptions { Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) } } },
        { "ReconnectPolicy.MaxAttempts", new ZenClientOptions { Reconnect = new ReconnectPolicy { MaxAttempts = 0 } } },
        { "ReconnectPolicy.MaxElapsed", new ZenClientOptions { Reconnect = new ReconnectPolicy { MaxElapsed = TimeSpan.Zero } } },
        { "ReconnectPolicy.CircuitBreakAfter", new ZenClientOptions { Reconnect = new ReconnectPolicy { CircuitBreakAfter = -1 } } },
        { "ReconnectPolicy.Jitter", new ZenClientOptions { Reconnect = new ReconnectPolicy { Jitter = (JitterMode)7 } } },
        { "PingPongHeartbeatOptions.Interval", new ZenClientOptions { Heartbeat = new PingPongHeartbeatOptions { Interval = TimeSpan.Zero } } },
        { "DeribitHeartbeatOptions.Interval", new ZenClientOptions { Heartbeat = new DeribitHeartbeatOptions { Interval = TimeSpan.FromSeconds(5) } } },
        { "DeribitHeartbeatOptions.Interval", new ZenClientOptions { Heartbeat = new DeribitHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(15_500) } } },
        { "ServerPingHeartbeatOptions.Timeout", new ZenClientOptions { Heartbeat = new ServerPingHeartbeatOptions { Timeout = TimeSpan.Zero } } },
        { "ApplicationHeartbeatOptions.Timeout", new ZenClientOptions { Heartbeat = new ApplicationHeartbeatOptions { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(6) } } },
        { "ApplicationHeartbeatOptions.Message", new ZenClientOptions { Heartbeat = new ApplicationHeartbeatOptions { Message = "" } } },
        { "ApplicationHeartbeatOptions.MaxMissed", new ZenClientOptions { Heartbeat = new ApplicationHeartbeatOptions { MaxMissed = 0 } } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_fails_at_construction_naming_the_option(string option, ZenClientOptions options)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new ZenClient(Endpoint, options));
        Assert.Equal(option, error.ParamName);
        Assert.Contains(option.Split('.')[^1], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/ws")]
    [InlineData("ftp://example.com")]
    public void A_uri_that_is_not_ws_or_wss_is_refused(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() => new ZenClient(new Uri(uri)));
        Assert.Equal("uri", error.ParamName);
    }

    [Fact]
    public void Defaults_are_valid_and_documented_values()
    {
        var options = ZenClientOptions.Default;
        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Equal(DisconnectedSendPolicy.FailFast, options.DisconnectedSendPolicy);
        Assert.Equal(ReceiveFullMode.Wait, options.ReceiveFullMode);
        Assert.True(options.ReconnectOnError);
        Assert.Same(HeartbeatOptions.Disabled, options.Heartbeat);
        Assert.Equal(JitterMode.Decorrelated, options.Reconnect.Jitter);
        Assert.Null(options.Reconnect.MaxAttempts);
    }

    [Fact]
    public async Task A_new_client_is_disconnected_and_refuses_to_send()
    {
        await using var client = new ZenClient(Endpoint);
        Assert.Equal(ConnectionState.Disconnected, client.State);
        var error = await Assert.ThrowsAsync<ZenSendException>(() => client.SendTextAsync("x").AsTask());
        Assert.Equal(SendFailure.NotConnected, error.Failure);
        Assert.Contains("FailFast", error.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_a_close_frame_through_SendAsync_is_a_usage_error()
    {
        await using var client = new ZenClient(Endpoint);
        // Usage errors throw synchronously, before any task exists.
        Action send = () => client.SendAsync(new byte[1], System.Net.WebSockets.WebSocketMessageType.Close).AsTask();
        Assert.Throws<ArgumentOutOfRangeException>(send);
    }
}
