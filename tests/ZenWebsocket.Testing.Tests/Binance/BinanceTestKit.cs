using System.Net.WebSockets;
using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Binance;

namespace ZenWebsocket.Testing.Tests.Binance;

/// <summary>Shared helpers of the Binance simulator tests.</summary>
internal static class BinanceTestKit
{
    /// <summary>A quiet simulator: the market moves only on StepMarket, no rate limit unless asked.</summary>
    public static BinanceSimulatorOptions Quiet(TimeProvider? time = null) => new()
    {
        GenerateMarketData = false,
        TimeProvider = time ?? TimeProvider.System,
        MaxIncomingMessagesPerSecond = 0,
    };

    public static Uri Stream(this BinanceSimulator simulator, string pathAndQuery) => new(simulator.StreamUrl, pathAndQuery);

    public static async Task<JsonElement> ReceiveJsonAsync(this WebSocket socket)
    {
        var text = await socket.ReceiveTextAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Sends a control message and returns the reply (the next message; use on a connection without data).</summary>
    public static async Task<JsonElement> RequestAsync(this WebSocket socket, string json)
    {
        await socket.SendTextAsync(json);
        return await socket.ReceiveJsonAsync();
    }

    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(this BinanceSimulator simulator, string pathAndQuery)
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(simulator.RestUrl, pathAndQuery)).Bounded();
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return ((int)response.StatusCode, document.RootElement.Clone(), response);
    }

    public static decimal Dec(this JsonElement element) => decimal.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Applies <c>[["price","qty"], …]</c> to one side of a local book.</summary>
    public static void Apply(SortedDictionary<decimal, decimal> side, JsonElement levels)
    {
        foreach (var level in levels.EnumerateArray())
        {
            var price = level[0].Dec();
            var quantity = level[1].Dec();
            if (quantity == 0)
            {
                side.Remove(price);
            }
            else
            {
                side[price] = quantity;
            }
        }
    }

    public static SortedDictionary<decimal, decimal> Side(JsonElement levels)
    {
        var side = new SortedDictionary<decimal, decimal>();
        Apply(side, levels);
        return side;
    }
}
