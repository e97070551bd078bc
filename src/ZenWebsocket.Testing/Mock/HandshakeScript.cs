namespace ZenWebsocket.Testing;

/// <summary>What the server does with the next upgrade requests; each request takes one <see cref="Plan"/>.</summary>
internal sealed class HandshakeScript
{
    private readonly Lock _lock = new();
    private TimeSpan _delay;
    private Plan _mode = Plan.Accept;
    private int? _remaining;

    public void Refuse(int statusCode, IReadOnlyDictionary<string, string>? headers, int? count) =>
        Set(new Plan(PlanKind.Refuse, statusCode, headers ?? new Dictionary<string, string>(), TimeSpan.Zero), count);

    public void Hang(int? count) => Set(Plan.Accept with { Kind = PlanKind.Hang }, count);

    public void Delay(TimeSpan delay)
    {
        lock (_lock)
        {
            _delay = delay;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _delay = TimeSpan.Zero;
            _mode = Plan.Accept;
            _remaining = null;
        }
    }

    public Plan Next()
    {
        lock (_lock)
        {
            var plan = _mode with { Delay = _delay };
            if (_remaining is { } remaining)
            {
                // Once the scripted count is used up, later handshakes are accepted again (the delay stays).
                _remaining = remaining > 1 ? remaining - 1 : null;
                if (_remaining is null)
                {
                    _mode = Plan.Accept;
                }
            }

            return plan;
        }
    }

    private void Set(Plan mode, int? count)
    {
        if (count is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be at least 1, or null for 'until reset'.");
        }

        lock (_lock)
        {
            _mode = mode;
            _remaining = count;
        }
    }

    internal enum PlanKind
    {
        Accept,
        Refuse,
        Hang,
    }

    internal sealed record Plan(PlanKind Kind, int StatusCode, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay)
    {
        public static readonly Plan Accept = new(PlanKind.Accept, 101, new Dictionary<string, string>(), TimeSpan.Zero);
    }
}
