using System.Text.Json;
using ZenWebsocket.Testing;

namespace ZenWebsocket.Tests.Subscriptions;

/// <summary>
/// The server side of <see cref="ChannelListDialect"/> on the mock server: confirms channels, leaves "bad.*" out of
/// the confirmation, answers "forbidden.*" with an error, ignores "silent.*".
/// </summary>
public static class ChannelListExchange
{
    public static MockServerOptions Options => new()
    {
        Handler = async (connection, frame) =>
        {
            using var request = JsonDocument.Parse(frame.Data);
            var root = request.RootElement;
            var id = root.GetProperty("id").GetInt64();
            var channels = root.GetProperty("params").GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToArray();
            if (channels.Any(c => c.StartsWith("silent.", StringComparison.Ordinal)))
            {
                return;
            }

            if (channels.Any(c => c.StartsWith("forbidden.", StringComparison.Ordinal)))
            {
                await connection.SendTextAsync($$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":13021,"message":"forbidden"}}""");
                return;
            }

            var confirmed = JsonSerializer.Serialize(channels.Where(c => !c.StartsWith("bad.", StringComparison.Ordinal)).ToArray());
            await connection.SendTextAsync($$$"""{"jsonrpc":"2.0","id":{{{id}}},"result":{{{confirmed}}}}""");
        },
    };

    public static string Notification(string channel, int value) =>
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"" + channel + "\",\"data\":{\"v\":" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}";
}
