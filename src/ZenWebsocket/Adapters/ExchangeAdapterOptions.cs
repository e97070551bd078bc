using Microsoft.Extensions.Logging;

namespace ZenWebsocket;

/// <summary>
/// Settings of an <see cref="ExchangeAdapter"/>. A venue derives its own options (credentials, endpoints) from it.
/// </summary>
/// <remarks>
/// Unlike the core's option records this is a settable class, because it is the Options-pattern type that
/// <c>AddZenWebsocketAdapter</c> configures through <c>Action&lt;TOptions&gt;</c> or binds from configuration. The
/// adapter validates it once and copies what it needs when it is created: changing the object afterwards changes
/// nothing.
/// </remarks>
public class ExchangeAdapterOptions
{
    /// <summary>Gets or sets the <c>ws://</c> or <c>wss://</c> endpoint.</summary>
    /// <value>Required; a venue's options usually default it to the production endpoint.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the backoff, budget and pause rules the adapter reconnects with. The client's own
    /// reconnection is always off inside an adapter; this policy is the only one in force.</summary>
    /// <value>Default <see cref="ReconnectPolicy.Default"/>: decorrelated jitter from 1 s to 30 s, unlimited, the
    /// first retry after a drop immediate, a failed first start not retried.</value>
    public ReconnectPolicy Reconnect { get; set; } = ReconnectPolicy.Default;

    /// <summary>Gets or sets the default time a request waits for its response, counted from its write.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the local rate limits every request passes. One instance serves every connection the
    /// adapter makes, so an account's budget is not reset by a reconnect.</summary>
    /// <value>Default <see langword="null"/>: no local limit.</value>
    public CompositeRateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// Builds the venue's own limiter from its options, used when <see cref="RateLimiter"/> is not set. Called once,
    /// by the adapter's constructor after <see cref="Validate"/>; the adapter owns what it returns and disposes it
    /// when it stops or faults.
    /// </summary>
    /// <returns>The limiter, or <see langword="null"/> (the default) for none.</returns>
    protected internal virtual CompositeRateLimiter? CreateDefaultRateLimiter() => null;

    /// <summary>Gets or sets the subscription settings (acknowledgement timeout, restore batches and pace).
    /// <see cref="SubscriptionManagerOptions.AutoRestore"/> is ignored: the adapter restores after authenticating.</summary>
    /// <value>Default <see cref="SubscriptionManagerOptions"/> defaults.</value>
    public SubscriptionManagerOptions Subscriptions { get; set; } = new();

    /// <summary>Gets or sets how many user calls may wait in the adapter's mailbox; more callers wait to post.</summary>
    /// <value>Default 1,024. Between 1 and 1,000,000.</value>
    public int MailboxCapacity { get; set; } = 1024;

    /// <summary>Gets or sets how many adapter events may wait for slow handlers before the oldest is dropped.</summary>
    /// <value>Default 1,024. Between 16 and 1,000,000.</value>
    public int EventQueueCapacity { get; set; } = 1024;

    /// <summary>Gets or sets the clock for backoff, step timing and every client the adapter creates.</summary>
    /// <value>Default <see cref="TimeProvider.System"/>; under the host, a registered <see cref="System.TimeProvider"/> is used.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory for the adapter and its clients.</summary>
    /// <value>Default <see langword="null"/>: no logging; under the host, the host's logger factory.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws when a value is missing or out of range, naming the option. Venues override it to check their own.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public virtual void Validate()
    {
        if (Endpoint is null)
        {
            throw new ArgumentException("ExchangeAdapterOptions.Endpoint is required.", nameof(Endpoint));
        }

        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != "ws" && Endpoint.Scheme != "wss"))
        {
            throw new ArgumentException($"ExchangeAdapterOptions.Endpoint '{Endpoint}' must be absolute with scheme ws or wss.", nameof(Endpoint));
        }

        ArgumentNullException.ThrowIfNull(Reconnect, "ExchangeAdapterOptions.Reconnect");
        Reconnect.Validate();
        Guard.Positive(RequestTimeout, "ExchangeAdapterOptions.RequestTimeout");
        ArgumentNullException.ThrowIfNull(Subscriptions, "ExchangeAdapterOptions.Subscriptions");
        Subscriptions.Validate();
        Guard.InRange(MailboxCapacity, 1, 1_000_000, "ExchangeAdapterOptions.MailboxCapacity");
        Guard.InRange(EventQueueCapacity, 16, 1_000_000, "ExchangeAdapterOptions.EventQueueCapacity");
        ArgumentNullException.ThrowIfNull(TimeProvider, "ExchangeAdapterOptions.TimeProvider");
    }
}
