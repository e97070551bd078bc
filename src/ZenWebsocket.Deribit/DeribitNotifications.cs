using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket.Deribit;

/// <summary>Reads the typed <c>params.data</c> of Deribit subscription notifications (A.6).</summary>
public static class DeribitNotifications
{
    /// <summary>Reads a <c>ticker.*</c> notification.</summary>
    /// <param name="message">The notification.</param>
    /// <returns>The ticker.</returns>
    public static DeribitTicker ReadTicker(in ZenMessage message) => Read(message, DeribitJson.Default.DeribitTicker);

    /// <summary>Reads a <c>book.*</c> notification.</summary>
    /// <param name="message">The notification.</param>
    /// <returns>The book update.</returns>
    public static DeribitBookUpdate ReadBook(in ZenMessage message) => Read(message, DeribitJson.Default.DeribitBookUpdate);

    /// <summary>Reads a <c>trades.*</c> notification.</summary>
    /// <param name="message">The notification.</param>
    /// <returns>The trades.</returns>
    public static IReadOnlyList<DeribitTrade> ReadTrades(in ZenMessage message) => Read(message, DeribitJson.Default.IReadOnlyListDeribitTrade);

    /// <summary>Reads a <c>user.orders.*</c> notification: one order on <c>raw</c>, an array otherwise.</summary>
    /// <param name="message">The notification.</param>
    /// <returns>The orders.</returns>
    public static IReadOnlyList<DeribitOrder> ReadOrders(in ZenMessage message)
    {
        using var document = JsonDocument.Parse(message.Data);
        var data = Data(document);
        return data.ValueKind == JsonValueKind.Array
            ? data.Deserialize(DeribitJson.Default.IReadOnlyListDeribitOrder) ?? []
            : [data.Deserialize(DeribitJson.Default.DeribitOrder)!];
    }

    /// <summary>Reads a <c>user.trades.*</c> notification.</summary>
    /// <param name="message">The notification.</param>
    /// <returns>The trades of this account.</returns>
    public static IReadOnlyList<DeribitUserTrade> ReadUserTrades(in ZenMessage message) => Read(message, DeribitJson.Default.IReadOnlyListDeribitUserTrade);

    /// <summary>Reads a <c>user.portfolio.*</c> notification.</summary>
    /// <param name="message">The notification.</param>
    /// <returns>The account summary.</returns>
    public static DeribitPortfolio ReadPortfolio(in ZenMessage message) => Read(message, DeribitJson.Default.DeribitPortfolio);

    /// <summary>Reads <c>params.data</c> of a notification as any source-generated type.</summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="message">The notification.</param>
    /// <param name="typeInfo">The type's JSON metadata.</param>
    /// <returns>The data.</returns>
    /// <exception cref="JsonException">The message is not a notification with data of that shape.</exception>
    public static T Read<T>(in ZenMessage message, JsonTypeInfo<T> typeInfo)
    {
        using var document = JsonDocument.Parse(message.Data);
        return Data(document).Deserialize(typeInfo) ?? throw new JsonException("The notification's data is null.");
    }

    private static JsonElement Data(JsonDocument document) =>
        document.RootElement.TryGetProperty("params", out var parameters) && parameters.TryGetProperty("data", out var data)
            ? data
            : throw new JsonException("Not a Deribit subscription notification: params.data is missing.");
}
