using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ZenWebsocket.Binance.Tests.OrderBook.Support;

/// <summary>
/// A scripted REST answerer: each request takes the next queued answer (or the fallback), and every request is
/// recorded. It stands in for the exchange's HTTP side where a test needs exact snapshot ids.
/// </summary>
internal sealed class ScriptedRest : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, Task<HttpResponseMessage>>> _answers = new();
    private readonly ConcurrentQueue<Uri> _requests = new();
    private readonly SemaphoreSlim _requested = new(0);

    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    /// <summary>Gets or sets what every answer waits for first (e.g. the stream's reader to take all written events).</summary>
    public Func<HttpRequestMessage, Task>? BeforeAnswer { get; set; }

    public IReadOnlyList<Uri> Requests => _requests.ToArray();

    public static BinanceRestClient Client(ScriptedRest rest, BinanceRestClientOptions? options = null) =>
        new(options ?? new BinanceRestClientOptions { BaseAddress = new Uri("http://binance.test") }, new HttpClient(rest));

    public static string Snapshot(long lastUpdateId, string bids = "[]", string asks = "[]") =>
        $$"""{"lastUpdateId":{{lastUpdateId}},"bids":{{bids}},"asks":{{asks}}}""";

    public ScriptedRest Answer(HttpStatusCode status, string body, Action<HttpResponseMessage>? headers = null)
    {
        _answers.Enqueue(_ => Task.FromResult(Respond(status, body, headers)));
        return this;
    }

    /// <summary>Queues a snapshot that is answered only once the gate opens.</summary>
    public ScriptedRest AnswerSnapshotAfter(Task gate, long lastUpdateId, string bids = "[]", string asks = "[]")
    {
        _answers.Enqueue(async _ =>
        {
            await gate;
            return Respond(HttpStatusCode.OK, Snapshot(lastUpdateId, bids, asks));
        });
        return this;
    }

    public ScriptedRest AnswerSnapshot(long lastUpdateId, string bids = "[]", string asks = "[]") =>
        Answer(HttpStatusCode.OK, Snapshot(lastUpdateId, bids, asks));

    public async Task WaitForRequestsAsync(int count)
    {
        while (_requests.Count < count)
        {
            await _requested.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        }
    }

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, Action<HttpResponseMessage>? headers = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        headers?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!);
        _requested.Release();
        if (_answers.TryDequeue(out var answer))
        {
            var response = await answer(request).WaitAsync(cancellationToken);
            if (BeforeAnswer is { } before)
            {
                await before(request).WaitAsync(cancellationToken);
            }

            return response;
        }

        return Fallback is { } fallback
            ? fallback(request)
            : Respond(HttpStatusCode.InternalServerError, "no scripted answer left");
    }
}
