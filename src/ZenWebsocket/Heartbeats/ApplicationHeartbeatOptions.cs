namespace ZenWebsocket;

/// <summary>
/// A custom periodic message (text such as <c>ping</c>, or JSON such as <c>{"op":"ping"}</c>) with a matcher for the
/// reply, for OKX/Bybit-style venues. A ping with neither its reply nor any other inbound data within
/// <see cref="Timeout"/> is a miss; <see cref="MaxMissed"/> consecutive misses kill the link.
/// </summary>
public sealed record ApplicationHeartbeatOptions : HeartbeatOptions
{
    /// <summary>Gets how often the message is sent.</summary>
    /// <value>Default 20 seconds.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets how long to wait for the reply.</summary>
    /// <value>Default 10 seconds. Must not exceed <see cref="Interval"/>.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the text message to send.</summary>
    /// <value>Default <c>ping</c>.</value>
    public string Message { get; init; } = "ping";

    /// <summary>Gets the test that recognises the reply.</summary>
    /// <value>Default: a text message equal to <c>pong</c>.</value>
    public Func<ZenMessage, bool> ReplyMatcher { get; init; } = static m => m.IsText && m.Data.Span.SequenceEqual("pong"u8);

    /// <summary>Gets how many consecutive misses kill the link.</summary>
    /// <value>Default 2.</value>
    public int MaxMissed { get; init; } = 2;

    /// <summary>Gets whether replies are kept out of the message stream.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ConsumeReplies { get; init; } = true;

    /// <inheritdoc />
    public override string Name => "Application";

    /// <inheritdoc />
    public override void Validate()
    {
        Guard.Positive(Interval, "ApplicationHeartbeatOptions.Interval");
        Guard.Positive(Timeout, "ApplicationHeartbeatOptions.Timeout");
        if (Timeout > Interval)
        {
            throw new ArgumentOutOfRangeException("ApplicationHeartbeatOptions.Timeout", Timeout, $"ApplicationHeartbeatOptions.Timeout must not exceed Interval ({Interval}).");
        }

        if (string.IsNullOrEmpty(Message))
        {
            throw new ArgumentException("ApplicationHeartbeatOptions.Message must be a non-empty text.", "ApplicationHeartbeatOptions.Message");
        }

        ArgumentNullException.ThrowIfNull(ReplyMatcher, "ApplicationHeartbeatOptions.ReplyMatcher");
        Guard.InRange(MaxMissed, 1, 100, "ApplicationHeartbeatOptions.MaxMissed");
    }

    internal override Heartbeat Create(HeartbeatContext context) => new ApplicationHeartbeat(context, this);
}
