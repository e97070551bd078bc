namespace ZenWebsocket;

/// <summary>Which way a frame travelled.</summary>
public enum FrameDirection
{
    /// <summary>From the server to the client.</summary>
    Inbound,

    /// <summary>From the client to the server.</summary>
    Outbound,
}
