namespace ZenWebsocket;

/// <summary>A list read on hot paths without locks: writers copy, readers take the current array.</summary>
internal sealed class CopyOnWriteList<T>
    where T : class
{
    private readonly Lock _gate = new();
    private T[] _items = [];

    public T[] Items => Volatile.Read(ref _items);

    /// <summary>Adds an item; disposing the result removes it again.</summary>
    public IDisposable Add(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            Volatile.Write(ref _items, [.. _items, item]);
        }

        return new Removal(this, item);
    }

    private void Remove(T item)
    {
        lock (_gate)
        {
            Volatile.Write(ref _items, _items.Where(x => !ReferenceEquals(x, item)).ToArray());
        }
    }

    private sealed class Removal(CopyOnWriteList<T> list, T item) : IDisposable
    {
        private CopyOnWriteList<T>? _list = list;

        public void Dispose() => Interlocked.Exchange(ref _list, null)?.Remove(item);
    }
}
