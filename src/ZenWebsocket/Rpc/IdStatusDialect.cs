using System.Text;
using System.Text.Json;

namespace ZenWebsocket;

/// <summary>
/// Plain JSON requests with an id (Binance WebSocket API and stream control):
/// <c>{"id":1,"method":"m","params":...}</c>, answered by <c>{"id":1,"status":200,"result":...}</c> or
/// <c>{"id":1,"status":400,"error":{"code":-1102,"msg":"..."}}</c> (the status is optional).
/// <see cref="IdStatusDialectOptions"/> adds the variations some endpoints use (top-level errors, data markers).
/// </summary>
public sealed class IdStatusDialect : IRpcDialect
{
    private readonly bool _topLevelErrors;
    private readonly byte[][]? _dataMarkers;

    /// <summary>Initializes a new instance of the <see cref="IdStatusDialect"/> class with default options.</summary>
    public IdStatusDialect()
        : this(new IdStatusDialectOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IdStatusDialect"/> class.</summary>
    /// <param name="options">The envelope variations; validated here.</param>
    public IdStatusDialect(IdStatusDialectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _topLevelErrors = options.TopLevelErrors;
        _dataMarkers = options.DataMarkers.Count == 0 ? null : [.. options.DataMarkers.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Gets the shared instance with default options.</summary>
    public static IdStatusDialect Instance { get; } = new();

    /// <inheritdoc />
    public void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters) =>
        RpcEnvelope.Write(writer, id, method, parameters, jsonRpcVersion: false);

    /// <inheritdoc />
    public RpcInbound Classify(ReadOnlyMemory<byte> json) => RpcEnvelope.Read(json, _topLevelErrors, _dataMarkers);
}
