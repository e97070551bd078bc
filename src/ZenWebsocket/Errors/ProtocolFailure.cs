namespace ZenWebsocket;

/// <summary>What protocol rule a <see cref="ZenProtocolException"/> reports as broken.</summary>
public enum ProtocolFailure
{
    /// <summary>An inbound message exceeded <see cref="ZenClientOptions.MaxMessageSize"/>.</summary>
    MessageTooLarge,

    /// <summary>The peer sent frames that are not valid WebSocket.</summary>
    InvalidFrame,

    /// <summary>The peer sent a message the application protocol cannot read.</summary>
    MalformedMessage,
}
