using System.Net.WebSockets;

namespace ZenWebsocket;

/// <summary>A heartbeat strategy bound to one socket connection. The base class is the disabled strategy.</summary>
internal class Heartbeat
{
    public Heartbeat(HeartbeatContext context)
    {
        Context = context;
    }

    protected HeartbeatContext Context { get; }

    /// <summary>Adjusts the socket before it connects (transport-level keep-alive).</summary>
    public virtual void ConfigureSocket(ClientWebSocketOptions options)
    {
    }

    /// <summary>Runs the strategy's sends and watchdog until the connection ends.</summary>
    public virtual Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sees every control frame (ping, pong, close) in both directions, as the transport reads or writes it.</summary>
    /// <remarks>Runs on the transport's read or write path: quick, never waits, never throws.</remarks>
    public virtual void OnControlFrame(FrameDirection direction, FrameKind kind, ReadOnlySpan<byte> payload)
    {
    }

    /// <summary>Sees every inbound message on the receive loop before the user; returns true to consume it.</summary>
    /// <remarks>Runs on the receive loop: must be quick and never wait.</remarks>
    public virtual bool OnMessage(in ZenMessage message) => false;
}
