using System.Text;

namespace ZenWebsocket.Cli.Tests.Support;

/// <summary>A string writer that lets a test wait for a line to be written (no sleeps).</summary>
internal sealed class LineSignalWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Predicate, TaskCompletionSource<string> Done)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        value ??= string.Empty;
        List<(TaskCompletionSource<string> Done, string Line)> done = [];
        lock (_lock)
        {
            _text.AppendLine(value);
            foreach (var waiter in _waiters.Where(w => w.Predicate(value)).ToList())
            {
                _waiters.Remove(waiter);
                done.Add((waiter.Done, value));
            }
        }

        done.ForEach(d => d.Done.TrySetResult(d.Line));
    }

    public Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        lock (_lock)
        {
            var existing = _text.ToString().Split(Environment.NewLine).FirstOrDefault(predicate);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, done));
            return done.Task.WaitAsync(timeout, TimeProvider.System);
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
