namespace ZenWebsocket;

/// <summary>
/// Sees every complete inbound data message on the receive loop, after the heartbeat strategy and before the
/// message is queued for <see cref="ZenClient.ReadMessagesAsync"/>. Protocol layers (request correlation,
/// subscription routing) plug in here.
/// </summary>
/// <remarks>Runs on the receive loop: it must be quick, must never block or wait, and must not throw (an exception is
/// logged and the message is passed on). Hand work to a channel or a task instead.</remarks>
public interface IMessageInterceptor
{
    /// <summary>Looks at one inbound message.</summary>
    /// <param name="message">The message.</param>
    /// <returns><see langword="true"/> to consume it (it is not queued for consumers); otherwise <see langword="false"/>.</returns>
    bool OnMessage(in ZenMessage message);
}
