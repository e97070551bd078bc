using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ZenWebsocket.Tests.Adapters;

// The worked example of docs/building-adapters.md: a complete adapter for a small JSON-RPC venue.
public sealed class ExampleVenueAdapter : ExchangeAdapter
{
    private readonly string _apiKey;
    private readonly string _apiSecret;
    private int _openOrders = -1;

    // The host builds it from IOptions<ExampleVenueOptions>; standalone code passes the options directly.
    public ExampleVenueAdapter(IOptions<ExampleVenueOptions> options)
        : this(options.Value)
    {
    }

    public ExampleVenueAdapter(ExampleVenueOptions options)
        : base(options)
    {
        _apiKey = options.ApiKey;
        _apiSecret = options.ApiSecret;
    }

    /// <summary>Open orders found by the last reconciliation (-1 before the first).</summary>
    public int OpenOrders => Volatile.Read(ref _openOrders);

    // Venue calls are one line each on top of the adapter's RequestAsync.
    public Task<long> GetTimeAsync(CancellationToken cancellationToken = default) =>
        RequestAsync("public/get_time", RpcParams.None, ExampleVenueJson.Default.Int64, cancellationToken: cancellationToken);

    protected override AdapterDialects CreateDialects() => new(JsonRpcDialect.Instance, new ExampleVenueDialect(), MapError);

    protected override ZenClientOptions ConfigureClient(ZenClientOptions options) =>
        options with { ConnectTimeout = TimeSpan.FromSeconds(5) };

    protected override async Task AuthenticateAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        var credentials = RpcParams.Create(w =>
        {
            w.WriteStartObject();
            w.WriteString("api_key", _apiKey);
            w.WriteString("api_secret", _apiSecret);
            w.WriteEndObject();
        });

        // A refusal comes back as error 13004, which MapError turns into ZenAuthenticationException: the adapter
        // then stops and surfaces it instead of reconnecting in a loop.
        await session.RequestRawAsync("public/auth", credentials, cancellationToken: cancellationToken);
    }

    protected override async Task ResumeAsync(AdapterSession session, CancellationToken cancellationToken)
    {
        // The venue cancels our orders if this connection drops: re-arm it on every connection.
        await session.RequestRawAsync("private/enable_cancel_on_disconnect", RpcParams.None, cancellationToken: cancellationToken);

        // Orders may have filled or been cancelled while we were away: reconcile before letting calls through.
        var orders = await session.RequestRawAsync("private/get_open_orders", RpcParams.None, cancellationToken: cancellationToken);
        using var document = JsonDocument.Parse(orders.Result);
        Volatile.Write(ref _openOrders, document.RootElement.GetArrayLength());
    }

    private static ZenWebSocketException MapError(RpcError error) => error.Code switch
    {
        13004 or 13009 => new ZenAuthenticationException($"The venue refused the credentials ({error.Message})."),
        10028 => new ZenRateLimitedException($"The venue is throttling us ({error.Message}).", retryAfter: null),
        _ => new ZenExchangeException(error.Code, error.Message, error.Data),
    };
}

[JsonSerializable(typeof(long))]
internal sealed partial class ExampleVenueJson : JsonSerializerContext;
