using System.Threading.Channels;

namespace ZenWebsocket;

public abstract partial class ExchangeAdapter
{
    private const int StepCount = 4;

    // Marks the flow of the command the loop is running, so a hook that calls the public API (which would wait for
    // the loop, i.e. for itself) fails loudly instead of deadlocking. The mark is one object per command: a timer or
    // task a hook started inherits it, but by the time it fires that command is over and its calls simply queue.
    private static readonly AsyncLocal<object?> s_loopFlow = new();

    private readonly Channel<Command> _mailbox;
    private readonly Task _loop;
    private readonly TimeProvider _time;
    private readonly int _mailboxCapacity;
    private object? _runningFlow;

    // The adapter's state. Only the loop writes these fields; other threads read the published snapshot.
    private readonly List<AdapterSubscription> _subscriptions = [];
    private readonly List<Command> _parked = [];
    private readonly TimeSpan[] _stepTimes = new TimeSpan[StepCount];
    private AdapterDialects? _dialects;
    private AdapterSession? _session;
    private AdapterState _state = AdapterState.Created;
    private AdapterStep? _step;
    private long _stepStarted;
    private int _attempt;
    private long _reconnects;
    private Exception? _lastError;
    private DateTimeOffset? _connectedSince;
    private Retry? _retry;
    private int _retryGeneration;
    private Snapshot _snapshot;

    /// <summary>Runs a piece of work on the loop and returns its result to the caller. Work that
    /// <paramref name="waitsForReady"/> is parked while the ordered path runs or backs off, and runs once the adapter
    /// is ready (or faulted or stopped, and then fails).</summary>
    private async Task<T> PostAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken, bool waitsForReady = false)
    {
        if (s_loopFlow.Value is { } flow && ReferenceEquals(flow, Volatile.Read(ref _runningFlow)))
        {
            throw new InvalidOperationException("A hook called the adapter's public API, which waits for the hook itself. Inside a hook use the AdapterSession it was given.");
        }

        var command = new Command<T>(work, waitsForReady, cancellationToken);
        try
        {
            await _mailbox.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            throw Unusable();
        }

        return await command.Result.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunLoopAsync()
    {
        await foreach (var command in _mailbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var flow = new object();
            s_loopFlow.Value = flow;
            Volatile.Write(ref _runningFlow, flow);
            await DispatchAsync(command).ConfigureAwait(false);
            await ReleaseParkedAsync().ConfigureAwait(false);
            Volatile.Write(ref _runningFlow, null);
        }
    }

    private async Task DispatchAsync(Command command)
    {
        if (command.WaitsForReady)
        {
            await HandleLossIfAnyAsync().ConfigureAwait(false);
            if (_state is AdapterState.Connecting or AdapterState.Reconnecting)
            {
                Park(command);
                return;
            }
        }

        await command.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Keeps a call until the path ends; bounded like the mailbox, and pruned of calls their callers gave up.</summary>
    private void Park(Command command)
    {
        _parked.RemoveAll(c => c.TryCancelIfAbandoned());
        if (_parked.Count >= _mailboxCapacity)
        {
            command.Fail(new ZenSendException(SendFailure.QueueFull, $"{_parked.Count} calls already wait for the adapter to reconnect (ExchangeAdapterOptions.MailboxCapacity); nothing was sent."));
            return;
        }

        _parked.Add(command);
        Publish();
    }

    /// <summary>Runs the parked calls, in order, once the path has ended (ready: they go out; otherwise they fail).</summary>
    private async Task ReleaseParkedAsync()
    {
        if (_parked.Count == 0 || _state is AdapterState.Connecting or AdapterState.Reconnecting)
        {
            return;
        }

        await HandleLossIfAnyAsync().ConfigureAwait(false);
        if (_state is AdapterState.Connecting or AdapterState.Reconnecting)
        {
            return;
        }

        var parked = _parked.ToArray();
        _parked.Clear();
        Publish();
        foreach (var command in parked)
        {
            await command.RunAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The venue's dialects, created on first use (on the loop, never from the constructor).</summary>
    private AdapterDialects Dialects => _dialects ??= CreateDialects() ?? throw new InvalidOperationException($"{GetType().Name}.CreateDialects returned null.");

    /// <summary>The error a call gets when the adapter can no longer serve it (read from the snapshot: callers may be off the loop).</summary>
    private Exception Unusable() => Volatile.Read(ref _snapshot) switch
    {
        { State: AdapterState.Faulted, LastError: var fault } => new ZenSendException(SendFailure.Closed, $"The adapter stopped on an error and sends nothing: {fault?.Message}", fault),
        { State: AdapterState.Created } => new InvalidOperationException("The adapter is not started; call StartAsync first."),
        { State: AdapterState.Connecting or AdapterState.Reconnecting } => new ZenSendException(SendFailure.NotConnected, "The connection was lost while the call waited; nothing was sent."),
        _ => new ZenSendException(SendFailure.Closed, "The adapter is stopped; nothing was sent."),
    };

    /// <summary>Records a transition and raises exactly one event for it.</summary>
    private AdapterStateChanged Transition(AdapterState next, int attempt = 0, TimeSpan? nextDelay = null, Exception? error = null)
    {
        var change = new AdapterStateChanged(_state, next, attempt, nextDelay, error, _time.GetUtcNow());
        _state = next;
        if (error is not null)
        {
            _lastError = error;
        }

        Publish();
        ZenTelemetry.RecordAdapterTransition(next);
        Log.AdapterStateChanged(_logger, Name, change);
        _events.Publish(nameof(StateChanged), () => StateChanged?.Invoke(this, change));
        if (next is AdapterState.Faulted or AdapterState.Stopped)
        {
            // Terminal: a limiter the adapter built for itself is its to release.
            _ownedRateLimiter?.Dispose();
            _completion.TrySetResult(change);
        }

        return change;
    }

    private void Publish() => Volatile.Write(ref _snapshot, new Snapshot(
        _state,
        _step,
        _stepStarted,
        _attempt,
        _connectedSince,
        _reconnects,
        _lastError,
        (TimeSpan[])_stepTimes.Clone(),
        _subscriptions.Count,
        _parked.Count,
        _session));

    /// <summary>What other threads may read of the loop's state: an immutable copy published after every change.</summary>
    private sealed record Snapshot(
        AdapterState State,
        AdapterStep? Step,
        long StepStarted,
        int Attempt,
        DateTimeOffset? ConnectedSince,
        long Reconnects,
        Exception? LastError,
        TimeSpan[] StepTimes,
        int Subscriptions,
        int Parked,
        AdapterSession? Session);

    /// <summary>A message of the mailbox.</summary>
    private abstract class Command(bool waitsForReady, CancellationToken callerToken)
    {
        public bool WaitsForReady { get; } = waitsForReady;

        protected CancellationToken CallerToken { get; } = callerToken;

        public abstract Task RunAsync();

        public abstract void Fail(Exception error);

        public abstract bool TryCancelIfAbandoned();
    }

    /// <summary>A message whose work runs on the loop and whose outcome goes back to the poster.</summary>
    private sealed class Command<T>(Func<Task<T>> work, bool waitsForReady = false, CancellationToken callerToken = default)
        : Command(waitsForReady, callerToken)
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Result => _result.Task;

        public override async Task RunAsync()
        {
            if (TryCancelIfAbandoned())
            {
                return;
            }

            try
            {
                _result.TrySetResult(await work().ConfigureAwait(false));
            }
            catch (OperationCanceledException ex)
            {
                _result.TrySetCanceled(ex.CancellationToken);
            }
#pragma warning disable CA1031 // Any failure belongs to the poster; the loop itself must go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _result.TrySetException(ex);
            }
        }

        public override void Fail(Exception error) => _result.TrySetException(error);

        public override bool TryCancelIfAbandoned() => CallerToken.IsCancellationRequested && _result.TrySetCanceled(CallerToken);
    }

    /// <summary>The progress of one ordered path (the first start, or one reconnect): its backoff and budget.</summary>
    private sealed class Retry(ReconnectPolicy policy, ConnectionStateChange? cause, long started)
    {
        public Backoff Backoff { get; } = new(policy);

        public ConnectionStateChange? Cause { get; } = cause;

        public bool IsReconnect => Cause is not null;

        public long Started { get; } = started;

        public int Attempt { get; set; }

        public int ConsecutiveFailures { get; set; }

        public ZenWebSocketException? LastError { get; set; }
    }
}
