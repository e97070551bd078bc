namespace ZenWebsocket;

/// <summary>Why a send did not reach the socket.</summary>
public enum SendFailure
{
    /// <summary>The client was not connected and the policy is <see cref="DisconnectedSendPolicy.FailFast"/>.</summary>
    NotConnected,

    /// <summary>The disconnected-send queue was full.</summary>
    QueueFull,

    /// <summary>The client was closed or disposed before the message was written.</summary>
    Closed,

    /// <summary>The write to the socket failed; the connection is being torn down.</summary>
    WriteFailed,
}
