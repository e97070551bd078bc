using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZenWebsocket;

/// <summary>
/// The base of an exchange adapter: the C# form of the seed's "GenServer adapter". It owns one client at a time,
/// notices when its connection is finally down, reconnects with backoff, and restores state in order on every
/// connect, the first one included: connect, authenticate, restore subscriptions, resume operations.
/// </summary>
/// <remarks>
/// <para>
/// A venue is one class: implement <see cref="CreateDialects"/>, and override <see cref="AuthenticateAsync"/>,
/// <see cref="ResumeAsync"/>, <see cref="ConfigureClient"/> and <see cref="OnMessage"/> as needed.
/// </para>
/// <para>
/// All adapter state lives in this object and is changed by one loop reading a bounded mailbox: user calls
/// (start, subscribe, request, stop) and the "connection lost" notice are messages handled one at a time, so a user
/// call and a reconnect can never race, and no lock guards the state. While the ordered path runs, calls wait in
/// the mailbox and go out on the restored connection (bounded by their cancellation token). Hooks run on the loop.
/// </para>
/// <para>
/// The client's own reconnection is off by construction: every client the adapter creates has
/// <see cref="ZenClientOptions.ReconnectOnError"/> off and fails fast while disconnected. Nothing is re-sent
/// automatically: a request in flight when the connection drops fails with <see cref="ZenConnectionLostException"/>.
/// </para>
/// </remarks>
public abstract partial class ExchangeAdapter : IAsyncDisposable
{
    private readonly ReconnectPolicy _policy;
    private readonly TimeSpan _requestTimeout;
    private readonly CompositeRateLimiter? _rateLimiter;
    private readonly CompositeRateLimiter? _ownedRateLimiter;
    private readonly SubscriptionManagerOptions _subscriptionOptions;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly EventDispatcher _events;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<AdapterStateChanged> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <summary>Creates the adapter; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The settings, validated now and copied.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    protected ExchangeAdapter(ExchangeAdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Endpoint = options.Endpoint!;
        _policy = options.Reconnect;
        _requestTimeout = options.RequestTimeout;
        _rateLimiter = options.RateLimiter ?? (_ownedRateLimiter = options.CreateDefaultRateLimiter());
        _subscriptionOptions = options.Subscriptions with { AutoRestore = false };
        _time = options.TimeProvider;
        _loggerFactory = options.LoggerFactory;
        _logger = _loggerFactory?.CreateLogger("ZenWebsocket.Adapters." + GetType().Name) ?? NullLogger.Instance;
        _events = new EventDispatcher(options.EventQueueCapacity, _logger);
        _mailboxCapacity = options.MailboxCapacity;
        _mailbox = Channel.CreateBounded<Command>(new BoundedChannelOptions(options.MailboxCapacity) { SingleReader = true });
        _snapshot = new Snapshot(AdapterState.Created, null, 0, 0, null, 0, null, new TimeSpan[StepCount], 0, 0, null);
        _loop = Task.Run(RunLoopAsync);
    }

    /// <summary>Raised once per state transition (and once per backoff wait, with its delay), on a background worker, in order.</summary>
    public event EventHandler<AdapterStateChanged>? StateChanged;

    /// <summary>Raised when a step of the ordered path finishes, well or not, with its duration.</summary>
    public event EventHandler<AdapterStepCompleted>? StepCompleted;

    /// <summary>Gets the local limiter every request passes: <see cref="ExchangeAdapterOptions.RateLimiter"/>, else the
    /// venue's own (<see cref="ExchangeAdapterOptions.CreateDefaultRateLimiter"/>), or <see langword="null"/> when off.</summary>
    protected CompositeRateLimiter? ActiveRateLimiter => _rateLimiter;

    /// <summary>Gets the endpoint every client of the adapter connects to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the adapter's name in logs (its type name).</summary>
    public string Name => GetType().Name;

    /// <summary>Gets the current state.</summary>
    public AdapterState State => Volatile.Read(ref _snapshot).State;

    /// <summary>
    /// Gets a task that completes, with the final transition, when the adapter is <see cref="AdapterState.Faulted"/>
    /// (the error is in <see cref="AdapterStateChanged.Error"/>) or <see cref="AdapterState.Stopped"/>. It never faults.
    /// </summary>
    public Task<AdapterStateChanged> Completion => _completion.Task;

    /// <summary>Returns a snapshot of state, current step, uptime, reconnects, last error, time per step and subscriptions.</summary>
    /// <returns>The snapshot.</returns>
    public AdapterDiagnostics GetDiagnostics()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var times = new Dictionary<AdapterStep, TimeSpan>(StepCount);
        for (var i = 0; i < StepCount; i++)
        {
            times[(AdapterStep)i] = snapshot.StepTimes[i];
        }

        if (snapshot.Step is { } running)
        {
            times[running] += _time.GetElapsedTime(snapshot.StepStarted);
        }

        return new AdapterDiagnostics(
            snapshot.State,
            snapshot.Step,
            snapshot.Attempt,
            snapshot.ConnectedSince,
            snapshot.Reconnects,
            snapshot.LastError,
            times,
            snapshot.Subscriptions,
            _mailbox.Reader.Count + snapshot.Parked,
            snapshot.Session?.Client.GetDiagnostics());
    }

    /// <summary>Stops the adapter (see <see cref="StopAsync"/>), ends the loop and the event worker. Idempotent;
    /// no event is raised after it returns.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopCoreAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _events.StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
