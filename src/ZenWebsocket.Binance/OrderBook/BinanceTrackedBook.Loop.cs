using System.Threading.Channels;

namespace ZenWebsocket.Binance;

public sealed partial class BinanceTrackedBook
{
    private enum InputKind
    {
        Stream,
        Snapshot,
        SnapshotFailed,
        StaleCheck,
        StreamEnded,
    }

    private async Task ReadStreamAsync()
    {
        var token = _stop.Token;
        Exception? error = null;
        try
        {
            await foreach (var item in _subscription.ReadAllAsync(token).ConfigureAwait(false))
            {
                await _inputs.Writer.WriteAsync(new Input(InputKind.Stream, item), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (ChannelClosedException)
        {
            return;
        }
        catch (Exception e)
        {
            error = e;
        }

        Post(new Input(InputKind.StreamEnded, Error: error));
    }

    private async Task RunLoopAsync()
    {
        var token = _stop.Token;
        try
        {
            await foreach (var input in _inputs.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                switch (input.Kind)
                {
                    case InputKind.Stream:
                        OnStreamItem(input.Item);
                        break;
                    case InputKind.Snapshot when input.Generation == _generation:
                        OnSnapshot(input.Snapshot!);
                        break;
                    case InputKind.SnapshotFailed when input.Generation == _generation:
                        OnSnapshotFailed(input.Error!);
                        break;
                    case InputKind.StaleCheck:
                        OnStaleCheck();
                        break;
                    case InputKind.StreamEnded:
                        Fail(input.Error is null ? "the depth stream ended" : "the depth stream failed: " + input.Error.Message);
                        break;
                }

                if (Phase == BinanceBookState.Failed)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // A bug here must not leave a book that looks live but no longer moves.
            Fail("the book's loop failed: " + error.Message);
        }
        finally
        {
            _inputs.Writer.TryComplete();
            _items.Writer.TryComplete();
        }
    }

    private void OnStreamItem(SubscriptionItem item)
    {
        switch (item.Kind)
        {
            case SubscriptionItemKind.Data:
                OnData(item.Message);
                break;
            case SubscriptionItemKind.Reconnecting or SubscriptionItemKind.Gap:
                // Events may be lost while the stream is interrupted: the book cannot be trusted past this point.
                Resync(item.Kind == SubscriptionItemKind.Gap ? "the stream reported a gap" : "the stream is reconnecting", item.Detail, firstEvent: null);
                break;
            case SubscriptionItemKind.Failed:
                Fail("the depth stream failed" + (item.Detail is null ? string.Empty : ": " + item.Detail));
                break;
        }
    }

    private void OnData(ZenMessage message)
    {
        BinanceDepthUpdate? update;
        try
        {
            update = BinanceDepthReader.ReadUpdateOrOther(message.Data.Span, out _);
        }
        catch (ZenProtocolException error)
        {
            // An event we cannot read is an event we missed.
            Log.BookUnreadable(_logger, Symbol, error.Message);
            Resync("an event could not be read", error.Message, firstEvent: null);
            return;
        }

        // Another event on the connection (e.g. serverShutdown) is not book data; the source handles what it means.
        if (update is null)
        {
            return;
        }

        if (update.Symbol.Length > 0 && !string.Equals(update.Symbol, Symbol, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        MarkFresh();
        if (Phase != BinanceBookState.Live)
        {
            Buffer(update);
            return;
        }

        long before;
        BinanceBookApplyResult result;
        lock (_bookLock)
        {
            before = _book.LastUpdateId;
            result = _book.Apply(update);
        }

        switch (result)
        {
            case BinanceBookApplyResult.Applied:
                Emit(BinanceBookItemKind.Update, update.FinalUpdateId, update);
                break;
            case BinanceBookApplyResult.Gap:
                // The event that revealed the gap is the first of the new buffer (step 1 again).
                Resync("events were missed", $"U {update.FirstUpdateId} > local id {before} + 1", update);
                break;
        }
    }

    private void Post(Input input)
    {
        // Called off the loop (timer, fetch completions); the loop may be gone after disposal.
        if (!_inputs.Writer.TryWrite(input) && input.Kind != InputKind.StaleCheck)
        {
            _ = PostSlowAsync(input);
        }
    }

    private async Task PostSlowAsync(Input input)
    {
        try
        {
            await _inputs.Writer.WriteAsync(input, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
        {
        }
    }

    private readonly record struct Input(
        InputKind Kind,
        SubscriptionItem Item = default,
        BinanceDepthSnapshot? Snapshot = null,
        Exception? Error = null,
        int Generation = 0);
}
