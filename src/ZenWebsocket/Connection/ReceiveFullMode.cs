namespace ZenWebsocket;

/// <summary>What the receive loop does when the inbound message buffer is full.</summary>
public enum ReceiveFullMode
{
    /// <summary>Wait for the consumer (backpressure to the server). A long stall stops reading the socket, so
    /// heartbeats and pongs stop too and the link may be declared dead.</summary>
    Wait,

    /// <summary>Drop the oldest buffered message to make room; counted and reported.</summary>
    DropOldest,

    /// <summary>Drop the message that just arrived; counted and reported.</summary>
    DropNewest,
}
