namespace ZenWebsocket;

/// <summary>
/// Reads the sequence number of one data message of a topic (a trade id, a final update id, an event time): numbers
/// grow along a topic's stream, and one event carries the same number on every connection. Two messages with equal
/// numbers are the same event only when their bytes are equal too, so a coarse number (an event time) never drops a
/// distinct event.
/// </summary>
/// <param name="topic">The canonical topic.</param>
/// <param name="message">The whole message as it arrived.</param>
/// <param name="sequence">The sequence number.</param>
/// <returns>Whether the message carries one.</returns>
public delegate bool PoolSequenceReader(string topic, ReadOnlySpan<byte> message, out long sequence);
