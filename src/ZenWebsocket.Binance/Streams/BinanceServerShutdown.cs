using System.Text.Json;

namespace ZenWebsocket.Binance;

/// <summary>Recognises Binance's notice that the server will close the connection soon (B.2), in its raw form
/// <c>{"e":"serverShutdown","E":...}</c> and its combined form <c>{"stream":"!serverShutdown","data":{...}}</c>.</summary>
public static class BinanceServerShutdown
{
    /// <summary>Tells whether a message is the notice; reads only its first member (cheap on every data message).</summary>
    /// <param name="json">The message.</param>
    /// <returns>Whether it announces a shutdown.</returns>
    public static bool IsAnnouncement(ReadOnlyMemory<byte> json)
    {
        var span = json.Span;
        if (span.IsEmpty || span[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(span);
            if (!reader.Read() || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            var combined = reader.ValueTextEquals("stream"u8);
            if (!combined && !reader.ValueTextEquals("e"u8))
            {
                return false;
            }

            return reader.Read() && reader.TokenType == JsonTokenType.String
                && reader.ValueTextEquals(combined ? "!serverShutdown"u8 : "serverShutdown"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
