using System.Text.Json;

namespace ZenWebsocket;

/// <summary>How a venue shapes requests and responses. The core knows no exchange: adapters pick or supply one.</summary>
public interface IRpcDialect
{
    /// <summary>Writes one complete request object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="id">The request id.</param>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params.</param>
    void WriteRequest(Utf8JsonWriter writer, long id, string method, in RpcParams parameters);

    /// <summary>Classifies an inbound message in one pass, without building a DOM.</summary>
    /// <param name="json">The message payload.</param>
    /// <returns>What the message is.</returns>
    RpcInbound Classify(ReadOnlyMemory<byte> json);
}
